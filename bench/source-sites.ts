/**
 * What remembering the user's line costs: every builder records a short V8 stack when
 * constructed (resolved to a position only when a diagnostic needs it). Builds the 2,000-
 * job synthetic pipeline with recording on and with `Error.captureStackTrace` stubbed out,
 * interleaved, and resolves one position through jiti's source map (the CLI's path, on
 * error only). Prints a table; asserts nothing.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { jitiPositionMapper } from "../packages/sdk/src/load/jiti-positions.ts";
import { syntheticPipeline } from "./lib/synthetic.ts";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `${median.toFixed(1)} | ${(sorted[0] ?? 0).toFixed(1)}–${(sorted.at(-1) ?? 0).toFixed(1)}`;
}

/** Prints the cost of source sites: build time with and without stacks, and one mapping. */
export async function sourceSitesBench(runs = 7): Promise<void> {
  const capture = Error.captureStackTrace;
  const on: number[] = [];
  const off: number[] = [];
  syntheticPipeline(2000).synth(); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const recording of [true, false]) {
      if (!recording) Error.captureStackTrace = () => undefined;
      const t = performance.now();
      syntheticPipeline(2000);
      (recording ? on : off).push(performance.now() - t);
      Error.captureStackTrace = capture;
    }
  }
  const mapper = jitiPositionMapper();
  const file = resolve(root, "packages/examples/blog/pipeline.ts");
  let t = performance.now();
  mapper({ file, line: 48, column: 75 });
  const first = performance.now() - t;
  t = performance.now();
  mapper({ file, line: 38, column: 15 });
  const next = performance.now() - t;

  console.log(`\n## Source sites: building the 2,000-job pipeline (${runs} interleaved runs)\n`);
  console.log("| builders | median ms | range ms |\n|---|---:|---:|");
  console.log(`| recording stacks | ${stats(on)} |`);
  console.log(`| captureStackTrace stubbed | ${stats(off)} |`);
  console.log(
    `\nMapping a position through jiti's source map (only when a diagnostic is shown): first ${first.toFixed(1)} ms (transpile, jiti cache), then ${next.toFixed(2)} ms.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await sourceSitesBench();
