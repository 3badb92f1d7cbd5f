/**
 * One in-process render measurement of the synthetic pipeline at one size, in its own
 * process so that peak memory is this size's own. Interleaves the whole render (building
 * the pipeline's objects, then `renderPipeline`: synth, every check, YAML) with its parts
 * on their own (building, synth, the checks lint runs on the config, the YAML emitter) and
 * `JSON.stringify` of the same config. Prints one JSON line of measurements and sizes.
 *
 * The whole render is also measured without the building: `renderPipeline` of pipelines
 * built beforehand, the render's own throughput.
 *
 * Run: node --conditions=@contrail/source --import tsx bench/lib/render-size.ts JOBS RUNS
 */
import { lintConfig } from "../../packages/sdk/src/lint/lint-config.ts";
import { renderPipeline } from "../../packages/sdk/src/render/render.ts";
import { toYaml } from "../../packages/sdk/src/render/to-yaml.ts";
import { measure } from "../measure.ts";
import { syntheticPipeline } from "./synthetic.ts";

const size = Number(process.argv[2] ?? "100");
const runs = Number(process.argv[3] ?? "5");

const sample = renderPipeline(syntheticPipeline(size));
if (sample.diagnostics.length > 0) throw new Error(`synthetic pipeline has problems: ${sample.diagnostics[0]?.message}`);
const config = sample.config;
// renderPipeline of a pipeline built beforehand (its objects made outside the timing): the
// render's own work (synth, every check, YAML), a fresh pipeline for each run.
let built: ReturnType<typeof syntheticPipeline> | undefined;
const results = await measure(
  [
    { name: "build", run: () => syntheticPipeline(size) },
    { name: "synth", run: () => syntheticPipeline(size).synth() },
    { name: "checks", run: () => lintConfig(config) },
    { name: "render", run: () => renderPipeline(syntheticPipeline(size)) },
    {
      name: "render-built",
      prepare: () => {
        built = syntheticPipeline(size);
      },
      run: () => {
        if (!built) throw new Error("no built pipeline");
        const result = renderPipeline(built);
        built = undefined;
        return result;
      },
    },
    { name: "yaml", run: () => toYaml(config) },
    { name: "json", run: () => JSON.stringify(config) },
  ],
  { runs },
);
console.log(
  JSON.stringify({
    size,
    results,
    yamlBytes: Buffer.byteLength(sample.text),
    jsonBytes: Buffer.byteLength(JSON.stringify(config)),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
