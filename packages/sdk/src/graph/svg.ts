/**
 * The laid-out graph as one self-contained SVG in Concourse's dark palette: job boxes with
 * their names, smaller resource boxes, edges solid (triggering) or dashed (not), with
 * arrowheads. No scripts, no external fonts or images; numbers have one decimal at most.
 */
import type { LaidOutGraph, PlacedNode, Point, RoutedEdge } from "./layout.ts";
import { FONT_FAMILY, JOB_FONT, num, PALETTE, RESOURCE_FONT, xml } from "./style.ts";

/** Space around the drawing, in px. */
export const MARGIN = 16;

/** Options of {@link toSvg}. */
export interface SvgOptions {
  /** A title for the drawing (the pipeline's name or file). */
  readonly title?: string;
  /** An `id` for the root element (the HTML view has one SVG per group). */
  readonly id?: string;
}

/** Renders the SVG text, with a trailing newline. */
export function toSvg(layout: LaidOutGraph, options: SvgOptions = {}): string {
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg"${options.id ? ` id="${xml(options.id)}"` : ""} width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${xml(FONT_FAMILY)}">`,
  );
  if (options.title) out.push(`<title>${xml(options.title)}</title>`);
  out.push(
    `<style>.edge{fill:none;stroke:${PALETTE.edge};stroke-width:1.5}.edge.dashed{stroke-dasharray:5 3}.arrow{fill:${PALETTE.edge}}` +
      `.job rect{fill:${PALETTE.job};stroke:${PALETTE.jobStroke}}.job text{fill:${PALETTE.jobText};font-size:${JOB_FONT}px}` +
      `.resource rect{fill:${PALETTE.resource}}.resource text{fill:${PALETTE.resourceText};font-size:${RESOURCE_FONT}px}` +
      // Only drawings with a junction style one (the others keep their bytes).
      `${layout.nodes.some((p) => p.node.kind === "junction") ? `.junction circle{fill:${PALETTE.edge}}` : ""}</style>`,
  );
  out.push(`<rect width="100%" height="100%" fill="${PALETTE.background}"/>`);
  out.push(`<g transform="translate(${MARGIN} ${MARGIN})">`);
  out.push('<g class="edges">');
  for (const edge of layout.edges) out.push(edgeSvg(edge));
  out.push("</g>", '<g class="nodes">');
  for (const node of layout.nodes) out.push(nodeSvg(node));
  out.push("</g>", "</g>", "</svg>", "");
  return out.join("\n");
}

function nodeSvg(p: PlacedNode): string {
  const n = p.node;
  if (n.kind === "junction") {
    const tip = `${n.name} from ${n.upstream.join(", ")}`;
    return (
      `<g class="junction" data-id="${xml(n.id)}" data-resource="${xml(n.name)}"><title>${xml(tip)}</title>` +
      `<circle cx="${num(p.x + p.width / 2)}" cy="${num(p.y + p.height / 2)}" r="${num(p.width / 2)}"/></g>`
    );
  }
  const data = n.kind === "job" ? ` data-job="${xml(n.name)}"` : ` data-resource="${xml(n.name)}"`;
  const tip = n.kind === "resource" && n.type ? `${n.name} (${n.type})` : n.name;
  return (
    `<g class="${n.kind}" data-id="${xml(n.id)}"${data}><title>${xml(tip)}</title>` +
    `<rect x="${num(p.x)}" y="${num(p.y)}" width="${num(p.width)}" height="${num(p.height)}"${n.kind === "job" ? ' rx="2"' : ""}/>` +
    `<text x="${num(p.x + p.width / 2)}" y="${num(p.y + p.height / 2)}" text-anchor="middle" dominant-baseline="central">${xml(n.name)}</text></g>`
  );
}

function edgeSvg(r: RoutedEdge): string {
  const e = r.edge;
  const cls = `edge ${e.kind}${e.trigger ? "" : " dashed"}`;
  const attrs = `class="${cls}" data-from="${xml(e.from)}" data-to="${xml(e.to)}"`;
  const path = `<path ${attrs} d="${splinePath(r.points)}"/>`;
  const last = r.points[r.points.length - 1];
  return r.arrow && last ? `${path}<path class="arrow" d="${arrowPath(last, r.arrow)}"/>` : path;
}

/** A Graphviz B-spline (1 + 3n points) as SVG cubic Béziers. */
export function splinePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return "";
  let d = `M${num(first[0])},${num(first[1])}`;
  for (let i = 0; i + 2 < rest.length; i += 3) {
    d += `C${rest
      .slice(i, i + 3)
      .map(([x, y]) => `${num(x)},${num(y)}`)
      .join(" ")}`;
  }
  return d;
}

/** A triangular arrowhead from the end of the spline to its tip. */
function arrowPath(from: Point, tip: Point): string {
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const len = Math.hypot(dx, dy) || 1;
  const half = 3.5;
  const nx = (-dy / len) * half;
  const ny = (dx / len) * half;
  return `M${num(tip[0])},${num(tip[1])}L${num(from[0] + nx)},${num(from[1] + ny)}L${num(from[0] - nx)},${num(from[1] - ny)}Z`;
}
