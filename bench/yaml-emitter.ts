/**
 * The YAML emitter cold (issue 11, item 4): `toYaml` of the 2,000-job synthetic config as
 * a one-off `sdk render` meets it, the first call in a fresh process (after synth and the
 * checks), against the same process's second and warm calls and `JSON.stringify`. A cold
 * call runs largely before V8 has optimized the emitter, which is what users of the CLI
 * pay; the warm figure is what a long-running process pays. Each process is one sample
 * (bench/lib/emitter-cold.ts); the table gives medians and ranges over the processes, by
 * the wall clock and by the main thread's CPU time.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { median, ms, ROOT } from "./measure.ts";

const JOBS = 2000;
const PROCESSES = 7;
const tsx = ["--conditions=@contrail/source", "--import", "tsx"];

interface Timing {
  readonly wall: number;
  readonly thread: number;
}

interface Sample {
  readonly threadClock: boolean;
  readonly first: Timing;
  readonly second: Timing;
  readonly warm: Timing;
  readonly json: Timing;
  readonly yamlBytes: number;
}

/** Median and range of one figure over the samples. */
function cell(values: readonly number[]): string {
  return `${ms(median(values))} (${ms(Math.min(...values))}-${ms(Math.max(...values))})`;
}

/** Prints the cold emitter table. */
export async function yamlEmitterBench(): Promise<void> {
  const samples: Sample[] = [];
  for (let run = 0; run < PROCESSES; run++) {
    const out = execFileSync(process.execPath, [...tsx, resolve(ROOT, "bench/lib/emitter-cold.ts"), String(JOBS), "5"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    samples.push(JSON.parse(out.trim().split("\n").pop() ?? "{}") as Sample);
  }
  const threadClock = samples.every((s) => s.threadClock);
  const mb = ((samples[0]?.yamlBytes ?? 0) / 1024 / 1024).toFixed(2);
  console.log(`## YAML emitter cold: toYaml of the ${JOBS}-job synthetic config (${mb} MB), ${PROCESSES} fresh processes\n`);
  console.log(
    `Main-thread CPU ${threadClock ? "from Linux's schedstat (V8's compiling on other threads left out)" : "not available here: the wall clock again"}. The first call follows synth and the checks, as in \`sdk render\`.\n`,
  );
  const json = median(samples.map((s) => s.json.wall));
  console.log("| call | wall ms (range) | main-thread CPU ms (range) | wall / JSON.stringify |");
  console.log("|---|---:|---:|---:|");
  const rows: [string, (s: Sample) => Timing][] = [
    ["toYaml, first call (cold)", (s) => s.first],
    ["toYaml, second call", (s) => s.second],
    ["toYaml, warm (median of 5)", (s) => s.warm],
    ["JSON.stringify, warm (median of 5)", (s) => s.json],
  ];
  for (const [name, pick] of rows) {
    const wall = samples.map((s) => pick(s).wall);
    console.log(`| ${name} | ${cell(wall)} | ${cell(samples.map((s) => pick(s).thread))} | ${(median(wall) / json).toFixed(1)} |`);
  }
}
