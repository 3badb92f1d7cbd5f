/**
 * Lint speed (issue 11, item 5): whole-process `sdk lint` of cf-deployment's
 * update-releases.yml (535 KB) at 1x, 4x and 16x its size, beside `node -e 0` (target: at
 * most 6x at 1x), and in process, `lintYaml` against the YAML parse alone at each size
 * (linear: the ratio stays flat). The larger copies are made at run time
 * (`lib/scale-pipeline.ts`) in a private temporary folder, removed afterwards.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { lintYaml } from "../packages/sdk/src/lint/index.ts";
import { scalePipeline } from "./lib/scale-pipeline.ts";
import { type Measurement, measure, processSubject, ROOT, ratio, table } from "./measure.ts";

const SHARED = process.env.CONTRAIL_SHARED ?? resolve(ROOT, "../shared");
const FILE = resolve(SHARED, "corpus/cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml");
const SIZES = [1, 4, 16];

/** Prints the whole-process and in-process lint tables. */
export async function lintBench(): Promise<void> {
  if (!fs.existsSync(FILE)) throw new Error(`${FILE} is missing: the lint benchmark needs the shared corpus (set CONTRAIL_SHARED)`);
  const original = fs.readFileSync(FILE, "utf8");
  const dir = fs.mkdtempSync(join(tmpdir(), "contrail-bench-lint-"));
  try {
    const files = SIZES.map((n) => {
      if (n === 1) return { n, path: FILE, text: original };
      const text = scalePipeline(original, n);
      const path = join(dir, `update-releases-${n}x.yml`);
      fs.writeFileSync(path, text, { mode: 0o600 });
      return { n, path, text };
    });
    const sdk = resolve(ROOT, "packages/sdk/bin/sdk.js");
    const whole = await measure(
      [
        processSubject("node -e 0", ["-e", "0"]),
        ...files.map((f) => processSubject(`sdk lint ${f.n}x`, [sdk, "lint", f.path], { okCodes: [0, 1] })),
      ],
      { runs: 5 },
    );
    console.log("## Lint, whole process: cf-deployment update-releases.yml (interleaved, 5 runs after a warm-up)\n");
    console.log(table(whole, "node -e 0"));
    console.log("\nTarget: sdk lint 1x at most 6x node -e 0.\n");

    const inProcess: Array<{ n: number; bytes: number; diagnostics: number; parse: Measurement; lint: Measurement }> = [];
    for (const f of files) {
      const diagnostics = lintYaml(f.text, { file: f.path }).diagnostics;
      const [parse, lint] = await measure(
        [
          { name: `parse ${f.n}x`, run: () => parseDocument(f.text) },
          { name: `lint ${f.n}x`, run: () => lintYaml(f.text, { file: f.path }) },
        ],
        { runs: f.n >= 16 ? 3 : 5 },
      );
      if (parse && lint) inProcess.push({ n: f.n, bytes: Buffer.byteLength(f.text), diagnostics: diagnostics.length, parse, lint });
    }
    console.log("## Lint in process: lintYaml (parse, decode, validate, rules) against the YAML parse alone\n");
    console.log("| size | KB | diagnostics | yaml parseDocument ms | lintYaml ms (range) | lint / parse | lint ms per KB |");
    console.log("|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of inProcess) {
      console.log(
        `| ${r.n}x | ${(r.bytes / 1024).toFixed(0)} | ${r.diagnostics} | ${r.parse.median.toFixed(0)} | ${r.lint.median.toFixed(0)} (${r.lint.min.toFixed(0)}-${r.lint.max.toFixed(0)}) | ${ratio(r.lint, r.parse)} | ${(r.lint.median / (r.bytes / 1024)).toFixed(3)} |`,
      );
    }
    console.log("\nLinear: lint / parse and ms per KB stay flat from 1x to 16x.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
