/**
 * Loads a user's pipeline.ts in a worker thread, so that its code cannot lie about how
 * contrail ends: `process.exit(0)` ends only the worker (and is reported as an error), a
 * top-level await that never settles or a loop that never ends is stopped by the load time
 * limit, timers it leaves behind die with the worker, and its `console.log` goes to
 * contrail's stderr, never into `sdk render > pipeline.yml`.
 *
 * The worker sends plain data back (each export's name and {@link Pipeline.synth} result),
 * which the commands render exactly as they would render the builders themselves.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SynthResult } from "../builders/pipeline.ts";
import type { RenderOptions, RenderResult } from "../render/render.ts";
import { CliError, ExitCode, UsageError } from "./command.ts";
import type { Io } from "./io.ts";
import type { WorkerReply, WorkerRequest } from "./load-protocol.ts";

/** How long a pipeline.ts may take to load, unless `--load-timeout` or the env var says otherwise. */
export const DEFAULT_LOAD_TIMEOUT_SECONDS = 60;

/** The environment variable that sets the load time limit, in seconds. */
export const LOAD_TIMEOUT_ENV = "CONTRAIL_LOAD_TIMEOUT";

/** The `--load-timeout SECONDS` flag, for the commands that load a pipeline.ts. */
export const LOAD_TIMEOUT_OPTION = { "load-timeout": { type: "string" } } as const;

/** One help line for {@link LOAD_TIMEOUT_OPTION}. */
export const LOAD_TIMEOUT_USAGE = `      --load-timeout S     stop loading FILE after S seconds (default ${DEFAULT_LOAD_TIMEOUT_SECONDS}; env ${LOAD_TIMEOUT_ENV})`;

/** A pipeline that has been synthesized already: `synth()` returns the worker's result. */
export interface SynthesizedPipeline {
  synth(): SynthResult;
}

/** One exported pipeline, loaded in isolation. */
export interface IsolatedPipeline {
  /** The pipeline's name: its `name` option, else the export's name. */
  readonly name: string;
  /** The export's name. */
  readonly exportName: string;
  readonly pipeline: SynthesizedPipeline;
  /** The render, when {@link loadIsolated} was given render options. */
  readonly rendered?: RenderResult | undefined;
}

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

const WORKER_MODULE = new URL(`./load-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
const SOURCE_LOADER = new URL("../../bin/load-source.js", import.meta.url);

/**
 * The worker's entry, as a script: compiled code (dist/) is imported as is; the sources
 * are loaded through the same jiti setup as the CLI's, so that the user's `contrail` and
 * the loader's share one set of classes.
 */
function workerScript(): string {
  const worker = WORKER_MODULE.href.endsWith(".ts")
    ? `import(${JSON.stringify(SOURCE_LOADER.href)}).then((m) => m.loadSourceModule(${JSON.stringify(fileURLToPath(WORKER_MODULE))}))`
    : `import(${JSON.stringify(WORKER_MODULE.href)})`;
  return `${worker}.catch((e) => { process.stderr.write(String(e && e.stack || e) + "\\n"); process.exit(70); });`;
}

/**
 * Imports `file` in a worker thread and returns its exported pipelines, synthesized (and
 * rendered with `render`, when given), in export order with the default export first. Throws a {@link CliError} naming the file
 * when it is missing, does not compile, throws, exports no pipeline, calls `process.exit`,
 * ends before it finishes loading, or runs past `timeoutMs`.
 */
export function loadIsolated(
  file: string,
  io: Io,
  timeoutMs: number = DEFAULT_LOAD_TIMEOUT_SECONDS * 1000,
  render?: RenderOptions,
): Promise<IsolatedPipeline[]> {
  const exitFlag = new SharedArrayBuffer(8);
  const request: WorkerRequest = { file, cwd: io.cwd, env: { ...io.env }, exitFlag, render };
  const worker = new Worker(workerScript(), { eval: true, workerData: request, stdout: true, stderr: true, env: { ...io.env } });
  // The user's output is theirs to see, but never on contrail's stdout.
  worker.stdout.on("data", (chunk: Buffer) => io.stderr(chunk.toString()));
  worker.stderr.on("data", (chunk: Buffer) => io.stderr(chunk.toString()));
  return new Promise<IsolatedPipeline[]>((resolve, reject) => {
    let reply: WorkerReply | undefined;
    const timer = setTimeout(() => {
      fail(
        `error: ${file} did not finish loading within ${timeoutMs / 1000} s (a loop that never ends, or an await that never settles?); it was stopped. Give --load-timeout SECONDS (or set ${LOAD_TIMEOUT_ENV}) if it needs longer.`,
      );
      void worker.terminate();
    }, timeoutMs);
    let settled = false;
    const fail = (message: string, exitCode: number = ExitCode.problems): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new CliError(message, exitCode));
    };
    worker.on("message", (message: WorkerReply) => {
      reply = message;
      // Timers and handles the user's code left behind die with the worker.
      void worker.terminate();
    });
    worker.on("error", (error) => {
      fail(`error: ${file} failed while loading: ${error instanceof Error ? error.message : String(error)}`);
    });
    worker.on("exit", (code) => {
      if (reply?.kind === "loaded" && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(
          reply.pipelines.map(({ name, exportName, synth, rendered }) => ({
            name,
            exportName,
            pipeline: { synth: () => synth },
            ...(rendered ? { rendered } : {}),
          })),
        );
        return;
      }
      if (reply?.kind === "error") return fail(reply.message, reply.exitCode);
      const flag = new Int32Array(exitFlag);
      if (Atomics.load(flag, 0) === 1) {
        return fail(
          `error: ${file} called process.exit(${Atomics.load(flag, 1)}) while loading; a pipeline file must not end the process. Remove the call (throw an Error to report a problem).`,
        );
      }
      fail(
        code === 0
          ? `error: ${file} stopped before it finished loading: a top-level await never settled. Make every awaited promise resolve or reject.`
          : `error: ${file} ended the loader with exit code ${code} before it finished loading.`,
      );
    });
  });
}
