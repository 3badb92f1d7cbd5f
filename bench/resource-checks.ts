/**
 * The resource catalogue's checks, cold (issue 11, item 4): `checkResourceConfigs` on the
 * 2,000-job synthetic pipeline's config, each run in a fresh process as `sdk render` runs
 * it once, against zod's `safeParse` alone on the same values (what every check paid
 * before the fast path of resources/fast-valid.ts). Interleaved; median and range of the
 * phase's own time (the process start and the pipeline's building are outside it).
 *
 * The measuring script is bundled with esbuild as the CLI is (packages/sdk/scripts/build.mjs:
 * no kept names), since tsx's transform wraps every closure it creates in a naming call,
 * which a cold run of per-value code pays and the shipped CLI does not.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Measurement, median, ROOT, table } from "./measure.ts";

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/** Bundles the cold script into `dir`, like the CLI bundle; returns its path. */
async function bundle(dir: string): Promise<string> {
  // esbuild is the SDK package's build tool, not the workspace root's.
  const esbuild = createRequire(resolve(ROOT, "packages/sdk/package.json"))("esbuild") as Esbuild;
  const outfile = join(dir, "resource-checks-cold.mjs");
  await esbuild.build({
    entryPoints: [resolve(ROOT, "bench/lib/resource-checks-cold.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minifyWhitespace: true,
    conditions: ["@contrail/source"],
    logLevel: "warning",
  });
  return outfile;
}

const JOBS = 2000;
const SUBJECTS = [
  { name: "checkResourceConfigs (fast path, rules, zod where unsure)", arg: "rule" },
  { name: "zod safeParse alone on the same values", arg: "zod" },
] as const;

/** Prints the cold resource-check table. */
export async function resourceChecksBench(runs = 9): Promise<void> {
  const samples = SUBJECTS.map(() => [] as number[]);
  const dir = mkdtempSync(join(tmpdir(), "contrail-bench-"));
  try {
    const script = await bundle(dir);
    for (let round = 0; round < runs; round++) {
      for (const [i, subject] of SUBJECTS.entries()) {
        const out = execFileSync(process.execPath, [script, subject.arg, String(JOBS)], { cwd: ROOT, encoding: "utf8" });
        samples[i]?.push(Number(out.trim()));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results: Measurement[] = SUBJECTS.map((s, i) => {
    const list = samples[i] ?? [];
    return { name: s.name, samples: list, median: median(list), min: Math.min(...list), max: Math.max(...list) };
  });
  console.log(`## Resource catalogue checks, cold: ${JOBS}-job synthetic pipeline (${runs} interleaved fresh processes)\n`);
  console.log(table(results, SUBJECTS[1].name));
}
