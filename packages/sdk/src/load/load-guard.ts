/**
 * Guards around loading a user's pipeline.ts, so that its code cannot lie about how contrail
 * ends: `process.exit()` while loading (also from a timer) is reported as an error instead of
 * ending contrail with the user's code; a top-level await that never settles is reported
 * when the event loop runs dry; a load that runs past the time limit (a loop that never
 * ends, an await that waits too long) is stopped with exit 1 and one line naming the file
 * and the limit; and `console.log` while loading goes to stderr, never into
 * `sdk render > pipeline.yml`.
 *
 * The load stays in contrail's own thread, so the user's builders and the CLI share one
 * copy of the library. Past the limit there are two cases:
 * - contrail's thread is idle (an await that waits too long): a timer of its own rejects
 *   the load, and the command fails the ordinary way;
 * - contrail's thread is busy (a loop that never yields): no timer of its own can run, so a
 *   small watchdog thread has it call a function of ours through the inspector protocol
 *   (`Runtime.evaluate`; inspector messages reach a busy thread as V8 interrupts), which
 *   exits 1, running the 'exit' handlers. (Ending only the running JavaScript instead,
 *   `Runtime.terminateExecution`, leaves Node's own state broken when the loop runs in a
 *   timer: "async hook stack has become corrupted".) If that does not land within a second
 *   (the thread is stuck in a native call: a blocking read, `execSync`), the watchdog kills
 *   the process (exit 137), as the last resort.
 * See https://chromedevtools.github.io/devtools-protocol/v8/Runtime/#method-terminateExecution
 * and https://nodejs.org/docs/latest-v20.x/api/inspector.html#sessionconnecttomainthread.
 */
import { Worker } from "node:worker_threads";
import { oneLineSafe } from "../diagnostics/terminal-safe.ts";
import { isInstance } from "../diagnostics/thrown.ts";
import { CliError, ExitCode, UsageError } from "../io/errors.ts";
import type { Io } from "../io/io.ts";
import { guardChildStdout } from "./child-stdout.ts";

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

/** The load's state in the shared flag: loading, finished, or stopped at the limit. */
const LOADING = 0;
const FINISHED = 1;
const TIMED_OUT = 2;
/** The watchdog's interrupt landed: contrail's thread is on its way out. */
const STOPPING = 3;

/**
 * How much later than contrail's own timer the watchdog acts, so that an idle thread is
 * always stopped by its own timer (the clean way) and the watchdog only ever meets a busy one.
 */
const WATCHDOG_GRACE_MS = 250;

/** How long the watchdog waits for its interrupt to land before it kills the process. */
const WATCHDOG_KILL_AFTER_MS = 1000;

/**
 * How long, once the interrupt landed, the way out may take (enabling the debugger on a busy
 * machine) before the watchdog kills the process after all.
 */
const WATCHDOG_EXIT_GRACE_MS = 10_000;

/** Where the watchdog finds the function that ends a busy load (see {@link withLoadGuards}). */
const STOP_LOAD = Symbol.for("contrail.stopLoad");

// The watchdog. It blocks on the flag (no event loop turns, nothing to pay while the load
// runs); past the limit it claims the flag, prints the message, has the main thread call
// STOP_LOAD and then pause (exitAtNextPause). node:inspector is only loaded here, past the limit: a load that finishes
// in time pays for a thread that waits, nothing more.
const WATCHDOG = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const flag = new Int32Array(workerData.flag);
if (
  Atomics.wait(flag, 0, ${LOADING}, workerData.ms) === "timed-out" &&
  Atomics.compareExchange(flag, 0, ${LOADING}, ${TIMED_OUT}) === ${LOADING}
) {
  writeSync(2, workerData.message);
  const kill = () => process.kill(process.pid, "SIGKILL");
  setTimeout(() => {
    if (Atomics.load(flag, 0) === ${STOPPING}) setTimeout(kill, ${WATCHDOG_EXIT_GRACE_MS});
    else kill();
  }, ${WATCHDOG_KILL_AFTER_MS});
  try {
    const session = new (require("node:inspector").Session)();
    session.connectToMainThread();
    // First the call (cheap, so that its landing is known at once), then the pause, which
    // needs the debugger on for this session too (enabling it takes a while: every script
    // is reported).
    session.post("Runtime.evaluate", { expression: 'globalThis[Symbol.for("contrail.stopLoad")]?.()' });
    session.post("Debugger.enable");
    session.post("Debugger.pause");
    session.disconnect();
  } catch {
    // No inspector in this Node (built without it, or denied by the permission model):
    // the kill above is all that is left.
  }
}`;

/**
 * Called by the watchdog, inside a V8 interrupt on the busy main thread: arranges for the
 * process to exit 1 at the next pause, from the user's own code. It cannot exit right here:
 * the watchdog's session is still connected while this runs (its disconnect is queued behind
 * this very call), and at exit Node prints "Waiting for the debugger to disconnect..." for a
 * connected worker session, or with `--inspect` waits for it to go, forever (node's
 * src/inspector_agent.cc, Agent::WaitForDisconnect). So this opens a session of the main
 * thread itself, which does not hold the exit, and exits when that session sees the pause
 * the watchdog asks for next; by then the watchdog's session is gone.
 */
function exitAtNextPause(flag: Int32Array, realExit: typeof process.exit): void {
  Atomics.store(flag, 0, STOPPING);
  const { Session } = process.getBuiltinModule("node:inspector") as typeof import("node:inspector");
  const session = new Session();
  session.connect();
  session.once("Debugger.paused", () => realExit.call(process, ExitCode.problems));
  session.post("Debugger.enable");
}

/**
 * Runs `load` (the import of `shown`) under the guards above; resolves to what it resolves
 * to, or rejects with a {@link CliError} naming the file. A loop that never yields is the
 * one case that does not come back here: the process exits 1 from inside the loop.
 */
export async function withLoadGuards<T>(shown: string, io: Io, timeoutMs: number, load: () => Promise<T>): Promise<T> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const message = `error: ${oneLineSafe(shown)} did not finish loading within ${timeoutMs / 1000} s (a loop that never ends, or an await that never settles?); it was stopped. Give --load-timeout SECONDS (or set ${LOAD_TIMEOUT_ENV}) if it needs longer.`;
  const realExit = process.exit;
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    workerData: { flag: flag.buffer, ms: Math.min(timeoutMs + WATCHDOG_GRACE_MS, 2 ** 31 - 1), message: `${message}\n` },
  });
  watchdog.unref();
  const stopLoad = () => exitAtNextPause(flag, realExit);
  (globalThis as Record<symbol, unknown>)[STOP_LOAD] = stopLoad;
  const realWrite = process.stdout.write;
  let exited: number | undefined;
  let failLoad: (error: unknown) => void = () => {};
  const loadFailure = new Promise<never>((_, reject) => {
    failLoad = reject;
  });
  // An idle thread past the limit: stop waiting for the load, the ordinary way.
  let stoppedByTimer = false;
  const limit = setTimeout(() => {
    stoppedByTimer = Atomics.compareExchange(flag, 0, LOADING, TIMED_OUT) === LOADING;
    if (stoppedByTimer) failLoad(new CliError(message));
  }, timeoutMs);
  limit.unref();
  const onUncaught = (error: unknown) => {
    if (isInstance(error, ExitWhileLoading)) exited ??= error.code;
    failLoad(error);
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
  const restoreChildStdout = guardChildStdout();
  process.on("uncaughtException", onUncaught);
  process.once("beforeExit", onBeforeExit);
  try {
    return await Promise.race([load(), loadFailure]);
  } catch (error) {
    if (exited !== undefined || isInstance(error, ExitWhileLoading)) {
      const code = exited ?? (error as ExitWhileLoading).code;
      throw new CliError(
        `error: ${shown} called process.exit(${code}) while loading; a pipeline file must not end the process. Remove the call (throw an Error to report a problem).`,
      );
    }
    throw error;
  } finally {
    clearTimeout(limit);
    // Unless the watchdog is already stopping the load, it is no longer needed.
    if (Atomics.compareExchange(flag, 0, LOADING, FINISHED) === LOADING || stoppedByTimer) {
      Atomics.notify(flag, 0);
      void watchdog.terminate();
      if ((globalThis as Record<symbol, unknown>)[STOP_LOAD] === stopLoad) delete (globalThis as Record<symbol, unknown>)[STOP_LOAD];
    }
    process.exit = realExit;
    process.stdout.write = realWrite;
    restoreChildStdout();
    process.off("uncaughtException", onUncaught);
    process.off("beforeExit", onBeforeExit);
  }
}
