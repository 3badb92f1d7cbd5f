/**
 * What the `sdk` bin runs: the CLI's CommonJS bundle through the V8 code cache
 * ({@link runCachedBundle}), then the cache written for the next run of the command. Built
 * by scripts/build.mjs into a small file of its own (dist/cli/boot.js), so that a start loads
 * this, the bundle, and nothing else of contrail's.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCachedBundle } from "../load/code-cache.ts";
import { isPretranspilable, startPretranspile } from "../load/pretranspile.ts";
import type { main as Main } from "./main.ts";

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to its exit code.
 * `bundle` is the CommonJS build of cli/main.ts (scripts/build.mjs), the only build of the
 * CLI: without it the install is broken, which is said in one line.
 */
export async function runCli(
  argv: readonly string[],
  bundle: string = fileURLToPath(new URL("./main.cjs", import.meta.url)),
): Promise<number> {
  if (!existsSync(bundle)) {
    process.stderr.write(
      `error: contrail's CLI bundle ${bundle} is missing: the package was not built. Reinstall contrail, or run 'pnpm install' (which builds it) in a clone.\n`,
    );
    return 1;
  }
  const loaded = runCachedBundle(bundle, argv[0] ?? "", process.env, {
    // No code cache for this command (the first run after install, or caching off): the
    // compile ahead is long, and the pipeline.ts named can be transpiled meanwhile.
    beforeCompile: (found) => {
      if (found === "missing") pretranspileArgument(argv);
    },
  });
  const code = await (loaded.exports as { main: typeof Main }).main(argv);
  const stored = loaded.persist();
  if (process.env.CONTRAIL_DEBUG) process.stderr.write(`contrail: code cache ${loaded.loaded}, ${stored}\n`);
  return code;
}

/** The commands that load a pipeline.ts named on their command line. */
const LOADS_PIPELINE_TS = new Set(["render", "lint", "set", "validate", "diff", "graph"]);

/**
 * Starts transpiling the first `.ts` argument of a command that loads one. A guess, made
 * before the arguments are parsed: a wrong one costs the other core some work and nothing
 * else (load/pretranspile.ts uses an answer only for the file jiti loads).
 */
function pretranspileArgument(argv: readonly string[]): void {
  if (!LOADS_PIPELINE_TS.has(argv[0] ?? "")) return;
  const file = argv.slice(1).find((arg) => !arg.startsWith("-") && isPretranspilable(arg));
  const worker = fileURLToPath(new URL("../load/pretranspile-worker.cjs", import.meta.url));
  if (file !== undefined && existsSync(worker)) startPretranspile(resolve(file), worker);
}
