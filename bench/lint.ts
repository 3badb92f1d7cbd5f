/**
 * Lint speed and memory (issue 11 item 5, issue 13 item 5): whole-process `sdk lint` of
 * cf-deployment's update-releases.yml (535 KB) at 1x, 4x and 16x its size, beside
 * `node -e 0` (target: at most 6x at 1x) and beside the YAML parse of the same file
 * (linear: the ratio stays flat); in process, the fast reader against the `yaml` package's
 * `parseDocument` and `lintYaml` against the parse; and the peak RSS of each whole-process
 * lint as a multiple of the file's size (target: at most 30x at 5 MB). The larger copies
 * are made at run time (`lib/scale-pipeline.ts`) in a private temporary folder, removed
 * afterwards.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { lintYaml } from "../packages/sdk/src/lint/index.ts";
import { readFast } from "../packages/sdk/src/yaml/fast-reader.ts";
import { LineIndex } from "../packages/sdk/src/yaml/line-index.ts";
import { PEAK_RSS_KB } from "../test/helpers/peak-rss.ts";
import { scalePipeline } from "./lib/scale-pipeline.ts";
import { type Measurement, measure, ms, processSubject, ROOT, ratio, table } from "./measure.ts";

const SHARED = process.env.CONTRAIL_SHARED ?? resolve(ROOT, "../shared");
const FILE = resolve(SHARED, "corpus/cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml");
const SIZES = [1, 4, 16];
/** About 5 MB, the size issue 13 bounds memory at. */
const MEMORY_SIZES = [1, 4, 8, 16];
const SDK = resolve(ROOT, "packages/sdk/bin/sdk.js");
/** The larger copies pass the default 8 MB input limit. */
const LINT_ARGS = ["--format", "json", "--max-size", "64"];

interface Copy {
  readonly n: number;
  readonly path: string;
  readonly text: string;
  readonly bytes: number;
}

/** Peak RSS of one `sdk lint` run in KB, reported by the process itself on exit (a preloaded hook). */
function peakRssKb(dir: string, file: string): number {
  const hook = join(dir, "report-rss.cjs");
  const out = join(dir, "rss.txt");
  fs.writeFileSync(hook, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(out)}, String(${PEAK_RSS_KB})));\n`, {
    mode: 0o600,
  });
  const result = spawnSync(process.execPath, ["--require", hook, SDK, "lint", file, ...LINT_ARGS], { cwd: ROOT, stdio: "ignore" });
  if (result.status !== 0 && result.status !== 1) throw new Error(`sdk lint ${file} exited ${result.status}`);
  return Number(fs.readFileSync(out, "utf8"));
}

/** Prints the whole-process, in-process and memory tables. */
export async function lintBench(): Promise<void> {
  if (!fs.existsSync(FILE)) throw new Error(`${FILE} is missing: the lint benchmark needs the shared corpus (set CONTRAIL_SHARED)`);
  const original = fs.readFileSync(FILE, "utf8");
  const dir = fs.mkdtempSync(join(tmpdir(), "contrail-bench-lint-"));
  try {
    const copies: Copy[] = MEMORY_SIZES.map((n) => {
      const text = n === 1 ? original : scalePipeline(original, n);
      const path = n === 1 ? FILE : join(dir, `update-releases-${n}x.yml`);
      if (n !== 1) fs.writeFileSync(path, text, { mode: 0o600 });
      return { n, path, text, bytes: Buffer.byteLength(text) };
    });
    const timed = copies.filter((c) => SIZES.includes(c.n));

    // In process first: the parse times are the yardstick of the whole-process table.
    const inProcess: Array<{ copy: Copy; fast: Measurement; yaml: Measurement; lint: Measurement; diagnostics: number }> = [];
    for (const copy of timed) {
      if (!readFast(copy.text, new LineIndex(copy.text)))
        throw new Error(`${copy.path}: the fast reader gave up; the benchmark would time the yaml package`);
      const diagnostics = lintYaml(copy.text, { file: copy.path }).diagnostics.length;
      const [fast, yaml, lint] = await measure(
        [
          { name: `fast reader ${copy.n}x`, run: () => readFast(copy.text, new LineIndex(copy.text)) },
          { name: `parseDocument ${copy.n}x`, run: () => parseDocument(copy.text, { schema: "failsafe", uniqueKeys: false }) },
          { name: `lintYaml ${copy.n}x`, run: () => lintYaml(copy.text, { file: copy.path }) },
        ],
        { runs: copy.n >= 16 ? 3 : 5 },
      );
      if (fast && yaml && lint) inProcess.push({ copy, fast, yaml, lint, diagnostics });
    }

    const whole = await measure(
      [
        processSubject("node -e 0", ["-e", "0"]),
        ...timed.map((c) => processSubject(`sdk lint ${c.n}x`, [SDK, "lint", c.path, ...LINT_ARGS], { okCodes: [0, 1] })),
      ],
      { runs: 5 },
    );
    const parseOf = (m: Measurement): Measurement | undefined => inProcess.find((r) => m.name === `sdk lint ${r.copy.n}x`)?.fast;
    const base = whole.find((m) => m.name === "node -e 0");
    const kbOf = (m: Measurement): string => {
      const copy = timed.find((c) => m.name === `sdk lint ${c.n}x`);
      return copy ? (copy.bytes / 1024).toFixed(0) : "";
    };
    console.log("## Lint, whole process: cf-deployment update-releases.yml (interleaved, 5 runs after a warm-up)\n");
    console.log(
      table(whole, "node -e 0", [
        { title: "KB", cell: (m) => kbOf(m) },
        { title: "ratio to the YAML parse (in process)", cell: (m) => (parseOf(m) ? ratio(m, parseOf(m) as Measurement) : "") },
        {
          title: "ms per MB above node -e 0",
          cell: (m) => {
            const copy = timed.find((c) => m.name === `sdk lint ${c.n}x`);
            return copy && base ? ms((m.median - base.median) / (copy.bytes / 1e6)) : "";
          },
        },
      ]),
    );
    console.log("\nTarget: sdk lint 1x at most 6x node -e 0; linear: ms per MB stays flat from 1x to 16x.\n");

    console.log(
      "## Lint in process: the fast reader and the yaml package's parseDocument, and lintYaml (parse, decode, validate, rules)\n",
    );
    console.log(
      "| size | KB | diagnostics | fast reader ms | parseDocument ms | parseDocument / fast | lintYaml ms (range) | lint / fast parse | lint ms per KB |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of inProcess) {
      console.log(
        `| ${r.copy.n}x | ${(r.copy.bytes / 1024).toFixed(0)} | ${r.diagnostics} | ${ms(r.fast.median)} | ${ms(r.yaml.median)} | ${ratio(r.yaml, r.fast)} | ${ms(r.lint.median)} (${ms(r.lint.min)}-${ms(r.lint.max)}) | ${ratio(r.lint, r.fast)} | ${(r.lint.median / (r.copy.bytes / 1024)).toFixed(3)} |`,
      );
    }
    console.log("\nLinear: lint / parse and ms per KB stay flat from 1x to 16x.\n");

    console.log("## Lint memory: peak RSS of the whole process (VmHWM: its own address space), one run each\n");
    console.log("| size | MB | peak RSS MB | peak RSS / file size |");
    console.log("|---:|---:|---:|---:|");
    for (const copy of copies) {
      const rss = peakRssKb(dir, copy.path) * 1024;
      console.log(`| ${copy.n}x | ${(copy.bytes / 1e6).toFixed(2)} | ${(rss / 1e6).toFixed(0)} | ${(rss / copy.bytes).toFixed(1)}x |`);
    }
    console.log("\nTarget: at most 30x the file's size at 5 MB (8x); node alone takes about 40 MB, so small files show large multiples.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
