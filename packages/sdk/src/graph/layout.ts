/**
 * Layout by Graphviz `dot` (the WebAssembly build in `@viz-js/viz`), loaded on first use so
 * that only `sdk graph` pays for it. `dot` is a layered (Sugiyama) layout: ranks left to
 * right, crossings minimised, edges as splines routed around the boxes. It has no random
 * seed, so the same graph gives the same coordinates.
 *
 * @see docs/graph.md for why Graphviz and not elkjs or dagre.
 */
import type { Viz } from "@viz-js/viz";
import { toDot } from "./dot.ts";
import type { GraphEdge, GraphNode, PipelineGraph } from "./model.ts";

/** A point, in px from the top left. */
export type Point = readonly [x: number, y: number];

/** A node with its box (top-left corner and size). */
export interface PlacedNode {
  readonly node: GraphNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge as a cubic B-spline: `points[0]`, then three points per curve segment. */
export interface RoutedEdge {
  readonly edge: GraphEdge;
  readonly points: readonly Point[];
  /** The tip of the arrowhead (the spline stops short of the box to leave room for it). */
  readonly arrow?: Point;
}

/** A graph with coordinates. */
export interface LaidOutGraph {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly RoutedEdge[];
}

let viz: Promise<Viz> | undefined;

/** Loads Graphviz once per process. */
function graphviz(): Promise<Viz> {
  viz ??= import("@viz-js/viz").then((m) => m.instance());
  return viz;
}

/** What Graphviz's `json0` output holds that the layout reads. */
interface GvJson {
  readonly bb?: string;
  readonly objects?: readonly {
    readonly _gvid: number;
    readonly name: string;
    readonly pos?: string;
    readonly width?: string;
    readonly height?: string;
  }[];
  readonly edges?: readonly { readonly tail: number; readonly head: number; readonly pos?: string }[];
}

/** The most nodes laid out: Graphviz's `dot` is superlinear and its WebAssembly heap is bounded. */
export const MAX_LAYOUT_NODES = 4000;

/** Graphviz could not lay the graph out (too large, or it failed): a problem with the input, not a bug. */
export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LayoutError";
  }
}

/** Lays the graph out. Resolves to boxes and edge routes in the graph's own order. */
export async function layoutGraph(graph: PipelineGraph): Promise<LaidOutGraph> {
  if (graph.nodes.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  if (graph.nodes.length > MAX_LAYOUT_NODES) {
    throw new LayoutError(`${graph.nodes.length} jobs and resources are more than the ${MAX_LAYOUT_NODES} that can be laid out`);
  }
  let result: ReturnType<Viz["render"]>;
  try {
    result = (await graphviz()).render(toDot(graph, { layout: true }), { format: "json0", engine: "dot", yInvert: true });
  } catch (error) {
    // The WebAssembly build aborts ("memory access out of bounds") rather than reporting.
    throw new LayoutError(`Graphviz failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (result.status !== "success") {
    throw new LayoutError(`Graphviz failed: ${result.errors.map((e) => e.message).join("; ")}`);
  }
  const json = JSON.parse(result.output) as GvJson;
  const byName = new Map((json.objects ?? []).map((o) => [o.name, o]));
  const names = new Map((json.objects ?? []).map((o) => [o._gvid, o.name]));
  const nodes = graph.nodes.map((node): PlacedNode => {
    const o = byName.get(node.id);
    if (!o?.pos) throw new Error(`graphviz placed no node ${node.id}`);
    const [cx, cy] = parsePoint(o.pos);
    const width = Number(o.width) * 72;
    const height = Number(o.height) * 72;
    return { node, x: cx - width / 2, y: cy - height / 2, width, height };
  });
  const routes = new Map<string, { points: Point[]; arrow?: Point }>();
  for (const e of json.edges ?? []) {
    if (e.pos) routes.set(`${names.get(e.tail)}->${names.get(e.head)}`, parseSpline(e.pos));
  }
  const edges = graph.edges.map((edge): RoutedEdge => {
    const route = routes.get(`${edge.from}->${edge.to}`);
    if (!route) throw new Error(`graphviz routed no edge ${edge.id}`);
    return { edge, ...route };
  });
  const [, y0 = 0, x1 = 0, y1 = 0] = (json.bb ?? "0,0,0,0").split(",").map(Number);
  return { width: x1, height: Math.max(y0, y1), nodes, edges };
}

function parsePoint(text: string): Point {
  const [x = "0", y = "0"] = text.split(",");
  return [Number(x), Number(y)];
}

/** Parses a Graphviz spline: `e,X,Y` (arrowhead tip) then the B-spline points. */
function parseSpline(pos: string): { points: Point[]; arrow?: Point } {
  const points: Point[] = [];
  let arrow: Point | undefined;
  for (const part of pos.split(/\s+/)) {
    if (part.startsWith("e,")) arrow = parsePoint(part.slice(2));
    else if (!part.startsWith("s,") && part !== "") points.push(parsePoint(part));
  }
  return arrow ? { points, arrow } : { points };
}
