/**
 * What loading a pipeline.ts in a worker thread costs (src/cli/load-isolated.ts): cold
 * `sdk render` of the blog, against the same render with the pipeline loaded in the CLI's
 * own thread (the way it was before), and `node -e 0`. Runs are interleaved so that the
 * machine's load hits all three alike; median and range of each.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const blog = resolve(root, "packages/examples/blog/pipeline.ts");
const loadSource = pathToFileURL(resolve(root, "packages/sdk/bin/load-source.js")).href;

/** The render in the CLI's own thread: load-pipeline.ts then render, as `sdk render` did. */
const IN_THREAD = `
const { loadSourceModule } = await import(${JSON.stringify(loadSource)});
const { loadPipelines } = await loadSourceModule(${JSON.stringify(resolve(root, "packages/sdk/src/cli/load-pipeline.ts"))});
const { renderPipeline } = await loadSourceModule(${JSON.stringify(resolve(root, "packages/sdk/src/render/render.ts"))});
const { nodeIo } = await loadSourceModule(${JSON.stringify(resolve(root, "packages/sdk/src/cli/io.ts"))});
const [p] = await loadPipelines(${JSON.stringify(blog)}, nodeIo());
process.stdout.write(renderPipeline(p.pipeline).text);
`;

const COMMANDS: Record<string, string[]> = {
  "node -e 0": ["-e", "0"],
  "sdk render (in-thread load)": ["--input-type=module", "-e", IN_THREAD],
  "sdk render (worker load)": [resolve(root, "packages/sdk/bin/sdk.js"), "render", blog],
};

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench/loader: ${args.join(" ")} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Prints the table: median and range of each command over `runs` interleaved rounds. */
export async function benchLoader(runs = 7): Promise<void> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(COMMANDS).map((k) => [k, []]));
  for (const args of Object.values(COMMANDS)) time(args); // warm the caches
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(COMMANDS)) times[name]?.push(time(args));
  const base = median(times["node -e 0"] ?? []);
  console.log(`## Loading a pipeline.ts in a worker (median of ${runs} interleaved runs)\n`);
  console.log("| command | median ms | range ms | x node -e 0 |");
  console.log("|---|---:|---:|---:|");
  for (const [name, list] of Object.entries(times)) {
    console.log(
      `| ${name} | ${median(list).toFixed(0)} | ${Math.min(...list).toFixed(0)}-${Math.max(...list).toFixed(0)} | ${(median(list) / base).toFixed(2)} |`,
    );
  }
  console.log("");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchLoader();
