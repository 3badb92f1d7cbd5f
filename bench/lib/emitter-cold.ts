/**
 * One cold measurement of the YAML emitter, in a process of its own: `toYaml` of the
 * synthetic pipeline's config, called first after synth and the checks (as `sdk render`
 * calls it, so that what V8 has compiled and collected by then is alike), then again, then
 * warm, interleaved with `JSON.stringify` of the same config. Each call is timed by the wall
 * clock and by the CPU time of the main thread alone (Linux's schedstat; elsewhere the wall
 * clock again), which a busy machine inflates less, and which leaves out V8's compiling on
 * other threads. Prints one JSON line.
 *
 * Run: node --conditions=@contrail/source --import tsx bench/lib/emitter-cold.ts JOBS WARM_RUNS
 */
import { existsSync, readFileSync } from "node:fs";
import { lintConfig } from "../../packages/sdk/src/lint/lint-config.ts";
import { generatedHeader } from "../../packages/sdk/src/render/header.ts";
import { toYaml } from "../../packages/sdk/src/render/to-yaml.ts";
import { median } from "../measure.ts";
import { syntheticPipeline } from "./synthetic.ts";

const size = Number(process.argv[2] ?? "2000");
const warmRuns = Number(process.argv[3] ?? "5");

/** The main thread's own CPU time, where Linux tells it. */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasThreadClock = existsSync(SCHEDSTAT);

function threadMs(): number {
  return hasThreadClock ? Number(readFileSync(SCHEDSTAT, "utf8").split(" ")[0]) / 1e6 : performance.now();
}

/** One call: wall and main-thread milliseconds. */
function time(run: () => unknown): { wall: number; thread: number } {
  const thread = threadMs();
  const wall = performance.now();
  run();
  return { wall: performance.now() - wall, thread: threadMs() - thread };
}

const config = syntheticPipeline(size).synth().config;
if (lintConfig(config).length > 0) throw new Error("the synthetic pipeline has problems");
const header = generatedHeader("bench/lib/synthetic-pipeline.ts");
const first = time(() => toYaml(config, { header }));
const second = time(() => toYaml(config, { header }));
const warm: { wall: number; thread: number }[] = [];
const json: { wall: number; thread: number }[] = [];
for (let run = 0; run < warmRuns; run++) {
  warm.push(time(() => toYaml(config, { header })));
  json.push(time(() => JSON.stringify(config)));
}
console.log(
  JSON.stringify({
    size,
    threadClock: hasThreadClock,
    first,
    second,
    warm: { wall: median(warm.map((t) => t.wall)), thread: median(warm.map((t) => t.thread)) },
    json: { wall: median(json.map((t) => t.wall)), thread: median(json.map((t) => t.thread)) },
    yamlBytes: Buffer.byteLength(toYaml(config, { header })),
  }),
);
