/**
 * `sdk graph` as a library: a pipeline config drawn the way Concourse's web UI draws it, as
 * SVG, a self-contained HTML page, Graphviz DOT or a Mermaid flowchart.
 */
import type { PipelineConfig } from "../model/index.ts";
import { toDot } from "./dot.ts";
import { toHtml } from "./html.ts";
import { layoutGraph } from "./layout.ts";
import { toMermaid } from "./mermaid.ts";
import { buildGraph } from "./model.ts";
import { planHtml, type TaskFileLookup } from "./plan-view.ts";
import { toSvg } from "./svg.ts";

export { toDot } from "./dot.ts";
export { type LaidOutGraph, LayoutError, layoutGraph, MAX_LAYOUT_NODES, type PlacedNode, type RoutedEdge } from "./layout.ts";
export { toMermaid } from "./mermaid.ts";
export {
  type BuildGraphOptions,
  buildGraph,
  type GraphEdge,
  type GraphNode,
  groupJobs,
  type PipelineGraph,
  UnknownGroupError,
} from "./model.ts";
export type { TaskFileLookup } from "./plan-view.ts";
export { toSvg } from "./svg.ts";

/** The output formats of `sdk graph`. */
export const GRAPH_FORMATS = ["svg", "html", "dot", "mermaid"] as const;
/** An output format. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** Options of {@link drawGraph}. */
export interface DrawOptions {
  readonly format: GraphFormat;
  /** Only this group (svg, dot, mermaid); for html, the tab shown first. */
  readonly group?: string | undefined;
  /** A title: the pipeline's name or file. */
  readonly title?: string;
  /** The decoded task file of a step's `file:`, for the html plan view (`sdk graph --artifact`). */
  readonly taskFile?: TaskFileLookup;
}

/**
 * Draws a pipeline. Throws {@link UnknownGroupError} for a group the pipeline lacks.
 * The same config and options always give the same text.
 */
export async function drawGraph(config: PipelineConfig, options: DrawOptions): Promise<string> {
  const title = options.title ?? "pipeline";
  if (options.format === "dot") return toDot(buildGraph(config, { group: options.group }));
  if (options.format === "mermaid") return toMermaid(buildGraph(config, { group: options.group }));
  if (options.format === "svg") {
    const layout = await layoutGraph(buildGraph(config, { group: options.group }));
    return toSvg(layout, { title: options.group === undefined ? title : `${title} (${options.group})` });
  }
  const groups = (config.groups ?? []).map((g) => g.name);
  if (options.group !== undefined) buildGraph(config, { group: options.group });
  // As Concourse's web UI: one view per group, in pipeline order, the first group shown
  // unless another is asked for (Pipeline.elm `getDefaultSelectedGroups`); the whole pipeline
  // only when there are no groups.
  const names: (string | undefined)[] = groups.length > 0 ? groups : [undefined];
  const views = [];
  for (const group of names) {
    const layout = await layoutGraph(buildGraph(config, { group }));
    views.push({ name: group, svg: toSvg(layout, { title: group ?? title }) });
  }
  const initial = options.group === undefined ? 0 : Math.max(0, groups.indexOf(options.group));
  const plans: Record<string, string> = {};
  for (const job of config.jobs) plans[job.name] = planHtml(job, options.taskFile);
  return toHtml({ title, views, plans, initial });
}
