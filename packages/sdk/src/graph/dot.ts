/**
 * The graph as Graphviz DOT text: what `sdk graph --format dot` prints, and what the layout
 * feeds to Graphviz (with `layout: true`, node sizes are fixed to the boxes the SVG draws).
 *
 * @see https://graphviz.org/doc/info/lang.html
 */
import type { PipelineGraph } from "./model.ts";
import { boxSize, FONT_FAMILY, JOB_FONT, PALETTE, RESOURCE_FONT } from "./style.ts";

/** Options of {@link toDot}. */
export interface DotOptions {
  /** Fixed box sizes and no styling: the input of the layout. */
  readonly layout?: boolean;
}

/** Graph attributes shared by the printed DOT and the layout. */
export const GRAPH_ATTRIBUTES = "rankdir=LR; nodesep=0.2; ranksep=0.5; splines=true;";

/** Quotes a DOT id. */
export function dotId(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Renders the graph as DOT, nodes and edges in the graph's order. */
export function toDot(graph: PipelineGraph, options: DotOptions = {}): string {
  const lines = ["digraph pipeline {", `  ${GRAPH_ATTRIBUTES}`];
  if (options.layout) {
    lines.push('  node [shape=box, fixedsize=true, label=""];', "  edge [arrowsize=0.7];");
  } else {
    lines.push(
      `  bgcolor=${dotId(PALETTE.background)};`,
      `  node [shape=box, style=filled, fontname=${dotId(FONT_FAMILY)}, penwidth=0];`,
      `  edge [color=${dotId(PALETTE.edge)}, arrowsize=0.6];`,
    );
  }
  for (const node of graph.nodes) {
    const size = boxSize(node);
    const attrs = [`width=${inches(size.width)}`, `height=${inches(size.height)}`];
    if (!options.layout && node.kind === "junction") {
      attrs.push('shape=circle, label=""', `fillcolor=${dotId(PALETTE.edge)}`, `class=${dotId(node.kind)}`);
    } else if (!options.layout) {
      const job = node.kind === "job";
      attrs.push(
        `label=${dotId(node.name)}`,
        `fillcolor=${dotId(job ? PALETTE.job : PALETTE.resource)}`,
        `fontcolor=${dotId(job ? PALETTE.jobText : PALETTE.resourceText)}`,
        `fontsize=${job ? JOB_FONT : RESOURCE_FONT}`,
        `class=${dotId(node.kind)}`,
      );
    }
    lines.push(`  ${dotId(node.id)} [${attrs.join(", ")}];`);
  }
  for (const edge of graph.edges) {
    const attrs = options.layout ? [] : [edge.trigger ? "style=solid" : "style=dashed", `class=${dotId(edge.kind)}`];
    lines.push(`  ${dotId(edge.from)} -> ${dotId(edge.to)}${attrs.length > 0 ? ` [${attrs.join(", ")}]` : ""};`);
  }
  lines.push("}", "");
  return lines.join("\n");
}

/** px (Graphviz points) to inches, with fixed digits. */
function inches(px: number): string {
  return (px / 72).toFixed(4);
}
