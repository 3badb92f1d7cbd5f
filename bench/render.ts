/**
 * Render throughput (issue 11, item 4). Whole process: `sdk render` of the 2,000-job
 * synthetic pipeline against concourse-ts 0.5.0 building and compiling the same shape
 * (target: at least 3x faster), beside `node -e 0`. In process, by size: the whole render
 * (building the pipeline's objects, synth, every check, YAML) and the YAML emitter alone,
 * as throughput against `JSON.stringify` of the same config (target: the whole render at
 * least 1/4 of it), with the parts of the whole render beside it.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { type Measurement, measure, ms, processSubject, ROOT, ratio, table } from "./measure.ts";

const JOBS = 2000;
const tsx = ["--conditions=@contrail/source", "--import", "tsx"];

interface SizeResult {
  readonly size: number;
  readonly results: readonly Measurement[];
  readonly yamlBytes: number;
  readonly jsonBytes: number;
  readonly peakRssBytes: number;
}

function byName(results: readonly Measurement[], name: string): Measurement {
  const found = results.find((m) => m.name === name);
  if (!found) throw new Error(`no measurement '${name}'`);
  return found;
}

/** Prints both render comparisons. */
export async function renderBench(): Promise<void> {
  const env = { ...process.env, CONTRAIL_BENCH_JOBS: String(JOBS) };
  const whole = await measure(
    [
      processSubject("node -e 0", ["-e", "0"]),
      processSubject(`sdk render (${JOBS} jobs)`, [resolve(ROOT, "packages/sdk/bin/sdk.js"), "render", "bench/lib/synthetic-pipeline.ts"], {
        env,
      }),
      processSubject(`concourse-ts 0.5.0 (${JOBS} jobs)`, [resolve(ROOT, "bench/lib/concourse-ts-synthetic.cjs"), String(JOBS)]),
    ],
    { runs: 5 },
  );
  const [, contrail, concourseTs] = whole;
  console.log(`## Render, whole process: ${JOBS}-job synthetic pipeline (interleaved, 5 runs after a warm-up)\n`);
  console.log(table(whole, "node -e 0"));
  if (contrail && concourseTs) {
    console.log(`\nconcourse-ts / contrail: **${ratio(concourseTs, contrail)}** (target >= 3)\n`);
  }

  console.log(
    "## Render in process, by size (interleaved, 5 runs after a warm-up; throughput relative to JSON.stringify of the same config)\n",
  );
  console.log(
    "The whole render is `renderPipeline(syntheticPipeline(N))`: build the objects, synth, every check, YAML. Its parts are measured on their own beside it, and `renderPipeline` of pipelines built beforehand (synth, checks, YAML: the render without the user's object building, in which each builder records where it was made).\n",
  );
  console.log(
    "| jobs | build ms | build + synth ms | checks (lintConfig) ms | YAML emitter ms | whole render ms (range) | renderPipeline of a built pipeline ms (range) | JSON.stringify ms | YAML MB | whole render / JSON throughput | renderPipeline / JSON throughput | emitter / JSON throughput | peak RSS MB |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const size of [100, 500, JOBS]) {
    const out = execFileSync(process.execPath, [...tsx, resolve(ROOT, "bench/lib/render-size.ts"), String(size), "5"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as SizeResult;
    const render = byName(r.results, "render");
    const renderBuilt = byName(r.results, "render-built");
    const yaml = byName(r.results, "yaml");
    const json = byName(r.results, "json");
    // Throughput is bytes per ms; the JSON text is shorter than the YAML, so compare rates.
    const jsonRate = r.jsonBytes / json.median;
    const throughput = (m: Measurement) => (r.yamlBytes / m.median / jsonRate).toFixed(3);
    console.log(
      `| ${size} | ${ms(byName(r.results, "build").median)} | ${ms(byName(r.results, "synth").median)} | ${ms(byName(r.results, "checks").median)} | ${ms(yaml.median)} | ${ms(render.median)} (${ms(render.min)}-${ms(render.max)}) | ${ms(renderBuilt.median)} (${ms(renderBuilt.min)}-${ms(renderBuilt.max)}) | ${ms(json.median)} | ${(r.yamlBytes / 1024 / 1024).toFixed(2)} | **${throughput(render)}** (target >= 0.25) | ${throughput(renderBuilt)} | ${throughput(yaml)} | ${(r.peakRssBytes / 1024 / 1024).toFixed(0)} |`,
    );
  }
}
