/**
 * Lint speed on the largest corpus file (cf-deployment update-releases.yml, 14,850 lines)
 * beside the time of `yaml`'s parseDocument alone. Target: lint within 2x of parsing.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { parseDocument } from "yaml";
import { lintYaml } from "../packages/sdk/src/lint/index.ts";

const shared = process.env.CONTRAIL_SHARED ?? resolve(import.meta.dirname, "../../shared");
const file = resolve(shared, "corpus/cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml");
const text = fs.readFileSync(file, "utf8");

function median(run: () => void, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    run();
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const parse = median(() => parseDocument(text));
let diagnostics = 0;
const lint = median(() => {
  diagnostics = lintYaml(text, { file }).diagnostics.length;
});
console.log("\n## Lint: cf-deployment update-releases.yml (median of 7 runs after a warm-up)\n");
console.log("| step | ms | ratio to parse |\n|---|---:|---:|");
console.log(`| yaml parseDocument | ${parse.toFixed(0)} | 1.00 |`);
console.log(
  `| sdk lint (lintYaml: parse + decode + validate + rules; ${diagnostics} diagnostics) | ${lint.toFixed(0)} | ${(lint / parse).toFixed(2)} (target < 2) |`,
);
