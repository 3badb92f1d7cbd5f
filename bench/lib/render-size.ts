/**
 * One benchmark measurement, in its own process so that peak memory is this size's own.
 * Prints a JSON line: times in ms, sizes in bytes.
 */
import { toYaml } from "../../packages/sdk/src/render/to-yaml.ts";
import { syntheticPipeline } from "./synthetic.ts";

const size = Number(process.argv[2] ?? "100");
const runs = Number(process.argv[3] ?? "5");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const build: number[] = [];
const synth: number[] = [];
const yaml: number[] = [];
const json: number[] = [];
let yamlBytes = 0;
let jsonBytes = 0;
for (let i = 0; i < runs + 1; i++) {
  let t = performance.now();
  const pipeline = syntheticPipeline(size);
  const tBuild = performance.now() - t;
  t = performance.now();
  const { config, diagnostics } = pipeline.synth();
  const tSynth = performance.now() - t;
  if (diagnostics.length > 0) throw new Error(`synthetic pipeline has problems: ${diagnostics[0]?.message}`);
  t = performance.now();
  const text = toYaml(config);
  const tYaml = performance.now() - t;
  t = performance.now();
  const jsonText = JSON.stringify(config);
  const tJson = performance.now() - t;
  if (i === 0) continue; // warm-up
  build.push(tBuild);
  synth.push(tSynth);
  yaml.push(tYaml);
  json.push(tJson);
  yamlBytes = Buffer.byteLength(text);
  jsonBytes = Buffer.byteLength(jsonText);
}
console.log(
  JSON.stringify({
    size,
    buildMs: median(build),
    synthMs: median(synth),
    yamlMs: median(yaml),
    jsonMs: median(json),
    yamlBytes,
    jsonBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
