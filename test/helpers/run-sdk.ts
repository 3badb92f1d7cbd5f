/**
 * Runs the `sdk` binary as a user does (`node packages/sdk/bin/sdk.js ...`), in a folder of
 * the test's choosing, under a time and memory bound: a child process with
 * `--max-old-space-size` (V8 dies loudly past it) and a timeout (killed past it), so that a
 * hostile input that hangs or balloons fails its test instead of the machine. Asynchronous,
 * so that a test can run several at once.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { repoRoot } from "./paths.ts";

/** What the binary did, and what it cost. */
export interface SdkRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** True when it ran past the timeout and was killed. */
  readonly timedOut: boolean;
}

/** Options of {@link runSdk}. */
export interface SdkRunOptions {
  readonly cwd?: string;
  /** Added to the test's environment; a key set to `undefined` is removed from it. */
  readonly env?: Record<string, string | undefined>;
  /** Kill it after this long (default 30 s). */
  readonly timeoutMs?: number;
  /** V8's old-space limit in MB (default 256). */
  readonly maxOldSpaceMb?: number;
  /** Text on stdin (default: none, closed). */
  readonly stdin?: string;
  /** Called with the child once it started. */
  readonly onStart?: (child: ReturnType<typeof spawn>) => void;
}

/** Runs `node bin/sdk.js ARGS` with the bounds of {@link SdkRunOptions}. */
export function runSdk(args: readonly string[], options: SdkRunOptions = {}): Promise<SdkRun> {
  const started = Date.now();
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${options.maxOldSpaceMb ?? 256}`, resolve(repoRoot, "packages/sdk/bin/sdk.js"), ...args],
      { cwd: options.cwd ?? repoRoot, env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.stdin ?? "");
    options.onStart?.(child);
  });
}
