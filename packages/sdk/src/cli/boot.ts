/**
 * What the `sdk` bin runs: the CLI's CommonJS bundle through the V8 code cache
 * ({@link runCachedBundle}), then the cache written for the next run of the command. Built
 * by scripts/build.mjs into a small file of its own (dist/cli/boot.js), so that a start loads
 * this, the bundle, and nothing else of contrail's.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runCachedBundle } from "../load/code-cache.ts";
import type { main as Main } from "./main.ts";

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to its exit code.
 * `bundle` is the CommonJS build of cli/main.ts; without one (a build of the ES modules
 * only) the ES module build runs, without a code cache.
 */
export async function runCli(
  argv: readonly string[],
  bundle: string = fileURLToPath(new URL("./main.cjs", import.meta.url)),
): Promise<number> {
  if (!existsSync(bundle)) {
    const { main } = (await import(new URL("./main.js", import.meta.url).href)) as { main: typeof Main };
    return main(argv);
  }
  const loaded = runCachedBundle(bundle, argv[0] ?? "", process.env);
  const code = await (loaded.exports as { main: typeof Main }).main(argv);
  const stored = loaded.persist();
  if (process.env.CONTRAIL_DEBUG) process.stderr.write(`contrail: code cache ${loaded.loaded}, ${stored}\n`);
  return code;
}
