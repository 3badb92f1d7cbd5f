/**
 * The look of the graph, shared by every output: Concourse's dark palette, its monospace
 * font, and box sizes computed from the label length (a monospace font makes that exact
 * enough without measuring text).
 */
import type { GraphNode } from "./model.ts";

/** Colours close to Concourse's web UI. */
export const PALETTE = {
  /** Page background. */
  background: "#3d3c3c",
  /** Job box (a job that has not run: Concourse's grey). */
  job: "#4b4b4b",
  /** Job box border. */
  jobStroke: "#6b6b6b",
  /** Job label. */
  jobText: "#ffffff",
  /** Resource box. */
  resource: "#2a2929",
  /** Resource label. */
  resourceText: "#e6e7e8",
  /** Edges and arrowheads. */
  edge: "#979797",
  /** Highlight of the selected job (HTML view). */
  selected: "#11c560",
} as const;

/** The font stack: Concourse draws its pipelines in Inconsolata. */
export const FONT_FAMILY = "Inconsolata, 'DejaVu Sans Mono', Menlo, Consolas, monospace";

/** Font size of job labels, in px. */
export const JOB_FONT = 13;
/** Font size of resource labels, in px. */
export const RESOURCE_FONT = 11;
/** Width of one character as a fraction of the font size (monospace fonts are ~0.5–0.6). */
const CHAR_WIDTH = 0.6;

/** The size of a node's box, in px. */
export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

/** The diameter of a junction's dot, in px. */
export const JUNCTION_SIZE = 8;

/** The box of a node: jobs are larger than resources; a junction is a dot. */
export function boxSize(node: GraphNode): BoxSize {
  if (node.kind === "junction") return { width: JUNCTION_SIZE, height: JUNCTION_SIZE };
  if (node.kind === "job") return { width: Math.ceil(node.name.length * JOB_FONT * CHAR_WIDTH) + 24, height: 30 };
  return { width: Math.ceil(node.name.length * RESOURCE_FONT * CHAR_WIDTH) + 14, height: 20 };
}

/** A number as the outputs print it: at most one decimal, no `-0`. Keeps output byte-stable. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
}

/** Escapes text for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
