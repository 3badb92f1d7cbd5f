/**
 * The first run after install transpiles the user's pipeline.ts on another core while the
 * main thread compiles the CLI's bundle.
 *
 * On that run nothing is cached: the main thread parses ~0.9 MB of contrail, then jiti finds
 * no transpiled pipeline.ts and loads sucrase (~0.4 MB more) to transpile it, one after the
 * other. Both are work a worker thread can do at the same time: the bin (cli/boot.ts) starts
 * one when the CLI's code cache is missing, naming the .ts file on the command line; when
 * jiti then asks to transpile that file (load/transpile.ts), the answer is usually waiting.
 * CI machines, where every run is a first run, have the cores for it.
 *
 * Nothing depends on the worker: its answer is used only when it transpiled the very source
 * jiti read, of the same file, with the same options (the same function, load/sucrase-
 * transform.ts, gives the same bytes); on any difference, failure or a slow worker, the
 * file is transpiled in place as without it. The worker never keeps the process alive.
 */
import { statSync } from "node:fs";
import type { MessagePort, Worker } from "node:worker_threads";
import type { SucraseInput } from "./sucrase-transform.ts";

// Loaded when used, not by the bin's every start (it costs a start about 1.5 ms).
const threads = () => process.getBuiltinModule("node:worker_threads");

/** What the worker sends back: what it read and what it made of it (no `code` when it could not). */
export interface PretranspiledMessage {
  readonly filePath: string;
  readonly source?: string;
  readonly ts: boolean;
  readonly sourceMap: boolean;
  readonly code?: string;
}

/** What the worker is given (as `workerData`). */
export interface PretranspileWork {
  readonly filePath: string;
  /** Set to 1 (and notified) once the message is posted. */
  readonly state: Int32Array;
  readonly port: MessagePort;
}

interface Pending {
  readonly filePath: string;
  readonly state: Int32Array;
  readonly port: MessagePort;
  readonly worker: Worker;
}

// Shared through the global object: the bin's loader (dist/cli/boot.js) starts the worker,
// the CLI's bundle (another copy of this module) takes its answer.
const KEY = Symbol.for("contrail.pretranspile");
const holder = globalThis as { [KEY]?: Pending | undefined };

/** Larger files are left to the main thread (a pipeline.ts is a few KB). */
const MAX_BYTES = 4 * 1024 * 1024;
/** How long the main thread waits for a worker that has not answered yet. */
const WAIT_MS = 3000;

/** True for the files jiti transpiles without JSX: `.ts`, `.mts`, `.cts`. */
export function isPretranspilable(path: string): boolean {
  return /\.[cm]?ts$/.test(path);
}

/**
 * Starts a worker (`workerFile`, built from load/pretranspile-worker.ts) transpiling the
 * regular file `filePath`. Never throws: without a worker, the file is transpiled in place.
 */
export function startPretranspile(filePath: string, workerFile: string): void {
  try {
    if (holder[KEY] !== undefined || !isPretranspilable(filePath)) return;
    const stat = statSync(filePath);
    if (!stat.isFile() || stat.size > MAX_BYTES) return;
    const state = new Int32Array(new SharedArrayBuffer(4));
    const { MessageChannel, Worker } = threads();
    const { port1, port2 } = new MessageChannel();
    const work: PretranspileWork = { filePath, state, port: port2 };
    // Its own stdout and stderr, never read: nothing it could print may reach the user's YAML.
    const worker = new Worker(workerFile, { workerData: work, transferList: [port2], stdout: true, stderr: true });
    worker.unref();
    port1.unref();
    worker.on("error", () => {
      // Its answer never comes; takePretranspiled finds the state unset and transpiles in place.
    });
    holder[KEY] = { filePath, state, port: port1, worker };
  } catch {
    // No worker (none allowed, too many threads): transpile in place.
  }
}

/**
 * The worker's transpiled code for `input`, when a worker was started for that file and
 * transpiled exactly `input.source` with the same options; undefined otherwise. Waits for a
 * worker still at work (up to a few seconds), and ends it either way.
 */
export function takePretranspiled(input: SucraseInput, waitMs: number = WAIT_MS): string | undefined {
  const pending = holder[KEY];
  if (pending === undefined || pending.filePath !== input.filePath) return undefined;
  holder[KEY] = undefined;
  try {
    if (Atomics.load(pending.state, 0) === 0) Atomics.wait(pending.state, 0, 0, waitMs);
    const message = threads().receiveMessageOnPort(pending.port)?.message as PretranspiledMessage | undefined;
    const same =
      message !== undefined &&
      message.filePath === input.filePath &&
      message.source === input.source &&
      message.ts === input.ts &&
      message.sourceMap === input.sourceMap;
    return same ? message.code : undefined;
  } finally {
    pending.port.close();
    void pending.worker.terminate();
  }
}
