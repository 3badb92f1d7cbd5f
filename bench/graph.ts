/**
 * `sdk graph` speed on the largest corpus pipeline (update-releases.yml, 111 jobs): loading
 * the YAML, building the graph, Graphviz layout (cold: includes loading the WebAssembly)
 * and SVG output. Prints a table; asserts nothing. Target: model + layout + SVG < 2 s.
 *
 * Run: pnpm bench graph
 */
import * as fs from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { layoutGraph } from "../packages/sdk/src/graph/layout.ts";
import { buildGraph } from "../packages/sdk/src/graph/model.ts";
import { toSvg } from "../packages/sdk/src/graph/svg.ts";
import { lintYaml } from "../packages/sdk/src/lint/index.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.CONTRAIL_SHARED ?? resolve(root, "../shared");
const defaultFile = resolve(shared, "corpus/cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml");

const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const value = await f();
  return [value, performance.now() - t];
};

/** Prints the time of each step of `sdk graph` on `file`. */
export async function graphBench(file: string = defaultFile): Promise<void> {
  const [config, loadMs] = await time(() => lintYaml(fs.readFileSync(file, "utf8")).config);
  if (!config) throw new Error(`${file} does not decode`);
  const [graph, modelMs] = await time(() => buildGraph(config));
  const [layout, coldMs] = await time(() => layoutGraph(graph));
  const [svg, svgMs] = await time(() => toSvg(layout));
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push((await time(() => layoutGraph(graph)))[1]);
  warm.sort((a, b) => a - b);

  console.log(`## sdk graph: ${file.replace(`${shared}/`, "")}\n`);
  console.log(
    `${config.jobs.length} jobs, ${graph.nodes.length} nodes, ${graph.edges.length} edges, SVG ${(svg.length / 1024).toFixed(0)} KiB\n`,
  );
  console.log("| step | ms |\n|---|---:|");
  console.log(`| load YAML (lintYaml) | ${loadMs.toFixed(0)} |`);
  console.log(`| build graph | ${modelMs.toFixed(0)} |`);
  console.log(`| layout, cold (loads Graphviz) | ${coldMs.toFixed(0)} |`);
  console.log(`| layout, warm (median of 3) | ${(warm[1] ?? 0).toFixed(0)} |`);
  console.log(`| SVG | ${svgMs.toFixed(0)} |`);
  console.log(`| **draw (model + cold layout + SVG), target < 2000** | **${(modelMs + coldMs + svgMs).toFixed(0)}** |`);
  console.log(`| total with loading | ${(loadMs + modelMs + coldMs + svgMs).toFixed(0)} |`);
}
