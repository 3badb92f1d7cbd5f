/**
 * Guards around loading a user's pipeline.ts, so that its code cannot lie about how contrail
 * ends: `process.exit()` while loading (also from a timer) is reported as an error instead of
 * ending contrail with the user's code; a top-level await that never settles is reported
 * when the event loop runs dry; a load that runs past the time limit (a loop that never
 * ends, an await that waits too long) is stopped; and `console.log` while loading goes to
 * stderr, never into `sdk render > pipeline.yml`.
 *
 * The load stays in contrail's own thread, so the user's builders and the CLI share one
 * copy of the library. The one thing a thread cannot do to itself is interrupt a loop that
 * never yields: a small watchdog thread waits on a shared flag and, past the limit, prints
 * the message and ends the process (exit 137, as a kill would).
 */
import { Worker } from "node:worker_threads";
import { CliError, ExitCode, UsageError } from "../io/errors.ts";
import type { Io } from "../io/io.ts";

/** How long a pipeline.ts may take to load, unless `--load-timeout` or the env var says otherwise. */
export const DEFAULT_LOAD_TIMEOUT_SECONDS = 60;

/** The environment variable that sets the load time limit, in seconds. */
export const LOAD_TIMEOUT_ENV = "CONTRAIL_LOAD_TIMEOUT";

/** The `--load-timeout SECONDS` flag, for the commands that load a pipeline.ts. */
export const LOAD_TIMEOUT_OPTION = { "load-timeout": { type: "string" } } as const;

/** One help line for {@link LOAD_TIMEOUT_OPTION}. */
export const LOAD_TIMEOUT_USAGE = `      --load-timeout S     stop loading FILE after S seconds (default ${DEFAULT_LOAD_TIMEOUT_SECONDS}; env ${LOAD_TIMEOUT_ENV})`;

/**
 * The load time limit in milliseconds: `--load-timeout` first, then {@link LOAD_TIMEOUT_ENV},
 * then {@link DEFAULT_LOAD_TIMEOUT_SECONDS}. A value that is not a positive number is a usage error.
 */
export function loadTimeoutMs(command: string, flag: string | undefined, io: Io): number {
  const [given, origin] = flag !== undefined ? [flag, "--load-timeout"] : [io.env[LOAD_TIMEOUT_ENV], LOAD_TIMEOUT_ENV];
  if (given === undefined || given === "") return DEFAULT_LOAD_TIMEOUT_SECONDS * 1000;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`sdk ${command}: ${origin} takes a number of seconds greater than 0 (got '${given}')`);
  }
  return Math.min(seconds * 1000, 2 ** 31 - 1);
}

/** Thrown by the stand-in for `process.exit` while a pipeline.ts loads. */
class ExitWhileLoading extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`process.exit(${code})`);
    this.code = code;
  }
}

// The watchdog: waits on slot 0; unless the load finished in time (1), prints and kills.
const WATCHDOG = `
const { workerData } = require("node:worker_threads");
const flag = new Int32Array(workerData.flag);
if (Atomics.wait(flag, 0, 0, workerData.ms) === "timed-out" && Atomics.load(flag, 0) === 0) {
  require("node:fs").writeSync(2, workerData.message);
  process.kill(process.pid, "SIGKILL");
}`;

/**
 * Runs `load` (the import of `shown`) under the guards above; resolves to what it resolves
 * to, or rejects with a {@link CliError} naming the file.
 */
export async function withLoadGuards<T>(shown: string, io: Io, timeoutMs: number, load: () => Promise<T>): Promise<T> {
  const flag = new SharedArrayBuffer(4);
  const message = `error: ${shown} did not finish loading within ${timeoutMs / 1000} s (a loop that never ends, or an await that never settles?); it was stopped. Give --load-timeout SECONDS (or set ${LOAD_TIMEOUT_ENV}) if it needs longer.\n`;
  const watchdog = new Worker(WATCHDOG, { eval: true, workerData: { flag, ms: timeoutMs, message } });
  watchdog.unref();
  const realExit = process.exit;
  const realWrite = process.stdout.write;
  let exited: number | undefined;
  let failTimer: (error: unknown) => void = () => {};
  const timerFailure = new Promise<never>((_, reject) => {
    failTimer = reject;
  });
  const onUncaught = (error: unknown) => {
    if (error instanceof ExitWhileLoading) exited ??= error.code;
    failTimer(error);
  };
  const onBeforeExit = () => {
    io.stderr(
      `error: ${shown} stopped before it finished loading: a top-level await never settled. Make every awaited promise resolve or reject.\n`,
    );
    process.exitCode = ExitCode.problems;
  };
  process.exit = ((code?: number | string | null) => {
    const n = Number(code ?? process.exitCode ?? 0) | 0;
    exited ??= n;
    throw new ExitWhileLoading(n);
  }) as typeof process.exit;
  // The user's output is theirs to see, but never on contrail's stdout.
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  process.on("uncaughtException", onUncaught);
  process.once("beforeExit", onBeforeExit);
  try {
    return await Promise.race([load(), timerFailure]);
  } catch (error) {
    if (exited !== undefined || error instanceof ExitWhileLoading) {
      const code = exited ?? (error as ExitWhileLoading).code;
      throw new CliError(
        `error: ${shown} called process.exit(${code}) while loading; a pipeline file must not end the process. Remove the call (throw an Error to report a problem).`,
      );
    }
    throw error;
  } finally {
    Atomics.store(new Int32Array(flag), 0, 1);
    Atomics.notify(new Int32Array(flag), 0);
    void watchdog.terminate();
    process.exit = realExit;
    process.stdout.write = realWrite;
    process.off("uncaughtException", onUncaught);
    process.off("beforeExit", onBeforeExit);
  }
}
