/**
 * Runs the `sdk` binary as a user does (`node packages/sdk/bin/sdk.js ...`), in a folder of
 * the test's choosing, with optional standard input and environment.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { repoRoot } from "./paths.ts";

/** What the binary did. */
export interface SdkRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sdk ARGS` in `cwd`; `env` is added to (or, with `undefined`, removed from) the test's. */
export function runSdk(
  args: readonly string[],
  options: { cwd?: string; stdin?: string; env?: Record<string, string | undefined> } = {},
): SdkRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, [resolve(repoRoot, "packages/sdk/bin/sdk.js"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: env as NodeJS.ProcessEnv,
    input: options.stdin ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
