/**
 * Start-up of the installed CLI (the compiled `dist/`, through `bin/sdk.js`), whole process,
 * as ratios to `node -e 0`. Targets (issue 11): cold `sdk render` of the blog at most 2.5x,
 * the first render after install (an empty cache folder: no jiti cache, no V8 code cache) at
 * most 3x, cold `sdk lint` of a small YAML at most 2.5x. One more row, without a target:
 * render of a pipeline.ts just edited (warm caches, but jiti transpiles it again).
 *
 * The commands run interleaved (one of each per round) so that load on the machine
 * hits all of them alike; the table gives the median and the range over the rounds.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = resolve(root, "packages/sdk/bin/sdk.js");

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  /** A fresh environment per run (the first-run case gets an empty cache folder). */
  readonly env: () => NodeJS.ProcessEnv;
}

function run(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}: ${String(result.stderr).slice(0, 400)}`);
  return ms;
}

function stats(times: number[]): { median: number; min: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

/** Prints the start-up table; `rounds` interleaved runs of each command after one warm-up round. */
export async function startupBench(rounds = 15): Promise<void> {
  if (!fs.existsSync(resolve(root, "packages/sdk/dist/cli/main.cjs"))) {
    spawnSync("pnpm", ["--filter", "contrail", "run", "build"], { cwd: root, stdio: "inherit" });
  }
  const scratch = fs.mkdtempSync(join(tmpdir(), "contrail-bench-startup-"));
  const warmCache = join(scratch, "warm-cache");
  const blog = fs.readFileSync(resolve(root, "packages/examples/blog/pipeline.ts"), "utf8");
  const edited = join(scratch, "edited-pipeline.ts");
  let fresh = 0;
  const cases: Case[] = [
    { label: "node -e 0", args: ["-e", "0"], env: () => ({ ...process.env }) },
    {
      label: "sdk render blog (cold process, warm cache)",
      args: [bin, "render", "packages/examples/blog/pipeline.ts"],
      env: () => ({ ...process.env, CONTRAIL_CACHE_DIR: warmCache }),
    },
    {
      label: "sdk render blog (first run: empty cache)",
      args: [bin, "render", "packages/examples/blog/pipeline.ts"],
      env: () => ({ ...process.env, CONTRAIL_CACHE_DIR: join(scratch, `fresh-${fresh++}`) }),
    },
    {
      label: "sdk lint of a small YAML (blog pipeline.yml)",
      args: [bin, "lint", "packages/examples/blog/pipeline.yml"],
      env: () => ({ ...process.env }),
    },
    {
      // The edit-render loop: warm caches, but the pipeline.ts changed (jiti's cache misses,
      // so it is transpiled again).
      label: "sdk render of an edited blog (warm cache, new source)",
      args: [bin, "render", edited],
      env: () => {
        fs.writeFileSync(edited, `${blog}\n// edit ${fresh++}\n`);
        return { ...process.env, CONTRAIL_CACHE_DIR: warmCache };
      },
    },
  ];
  const times = cases.map(() => [] as number[]);
  try {
    for (let round = 0; round <= rounds; round++) {
      cases.forEach((c, i) => {
        const ms = run(c.args, c.env());
        if (round > 0) times[i]?.push(ms);
      });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const base = stats(times[0] ?? []).median;
  const targets = ["", "target <= 2.5", "target <= 3", "target <= 2.5", ""];
  console.log(`\n## Start-up: whole process, ${rounds} interleaved rounds (median and range, ms)\n`);
  console.log("| command | median ms | range ms | ratio to node -e 0 | target |\n|---|---:|---:|---:|---|");
  cases.forEach((c, i) => {
    const s = stats(times[i] ?? []);
    console.log(
      `| ${c.label} | ${s.median.toFixed(0)} | ${s.min.toFixed(0)}-${s.max.toFixed(0)} | ${(s.median / base).toFixed(2)} | ${targets[i]} |`,
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startupBench(Number(process.argv[2] ?? 15));
}
