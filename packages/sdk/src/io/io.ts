/**
 * The CLI's only window on the world. Commands (and the loaders below them) take an
 * {@link Io} so that tests drive them in-process with fakes, and only the binary itself uses
 * {@link nodeIo}. A relative path given to an Io's file functions is resolved against the
 * Io's own `cwd`, never the process's, so that every file a command reads is found in the
 * same place whichever function reads it.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { writeFileAtomic } from "./atomic-write.ts";

/** What running an external program returned. */
export interface ExecResult {
  /** Exit code; null when killed by a signal. */
  readonly code: number | null;
  /** The signal that ended it, if any. */
  readonly signal: NodeJS.Signals | null;
  /** Captured stdout (empty when inherited). */
  readonly stdout: string;
  /** Captured stderr (empty when inherited). */
  readonly stderr: string;
  /** True when the program ran past {@link ExecOptions.timeoutMs} and was stopped. */
  readonly timedOut?: boolean;
}

/** How to run an external program. Never through a shell: arguments are an array. */
export interface ExecOptions {
  /** Capture stdout/stderr instead of passing them through to the user. */
  readonly capture?: boolean;
  /** Text written to the program's stdin. */
  readonly input?: string;
  /** Give the program no stdin (it reads end of file), so that it cannot wait on a prompt. */
  readonly closeStdin?: boolean;
  /** Stop the program (SIGTERM, then SIGKILL 5 s later) when it runs longer than this. */
  readonly timeoutMs?: number;
  /** Environment; defaults to the Io's. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Called once the program has started, with a function that sends it a signal, so that
   * a caller can forward Ctrl-C (SIGINT/SIGTERM) to it.
   */
  readonly onSpawn?: (sendSignal: (signal: NodeJS.Signals) => void) => void;
}

/** Input and output of the CLI. */
export interface Io {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** The working directory that relative paths are resolved against. */
  readonly cwd: string;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colours, interactive hints). */
  readonly isTTY: boolean;
  /** Whether stderr is a terminal (colours of what goes there); false when not told. */
  readonly stderrIsTTY?: boolean;
  /**
   * Reads all of standard input as UTF-8 (`-` as a file name). Throws when there is none to
   * read; absent in an Io that has no standard input.
   */
  readStdin?(): string;
  /** Reads a UTF-8 file (a relative path against `cwd`); throws a Node error (ENOENT...) when it cannot. */
  readFile(path: string): string;
  /**
   * Writes a UTF-8 file, creating its directory; atomically in {@link nodeIo} (see
   * {@link writeFileAtomic}), so that a failed write leaves the old file as it was.
   */
  writeFile(path: string, content: string): void;
  /** True when the path exists. */
  exists(path: string): boolean;
  /** True when the path is a directory. */
  isDirectory(path: string): boolean;
  /** The names of a directory's entries, sorted; throws a Node error when it cannot. */
  readDir(path: string): string[];
  /** The path with symlinks resolved; throws when it does not exist. Optional for test fakes. */
  realPath?(path: string): string;
  /** Runs a program with an argument array (never a shell). */
  exec(command: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

/** How long output may trail a program's exit before contrail stops reading it. */
const EXIT_GRACE_MS = 250;

/**
 * True once stdout's reader went away (`sdk lint | head`): the rest of the output is
 * dropped quietly and the command still ends with its own exit code, instead of dying on
 * an unhandled EPIPE.
 */
let stdoutClosed = false;
let watchingStdout = false;

function watchStdout(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") stdoutClosed = true;
    else throw error;
  });
}

/** The real process's IO, with relative paths against `cwd` (the process's working directory unless given). */
export function nodeIo(cwd: string = process.cwd()): Io {
  watchStdout();
  const at = (path: string): string => resolve(cwd, path);
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    cwd,
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    readStdin: () => fs.readFileSync(0, "utf8"),
    readFile: (path) => fs.readFileSync(at(path), "utf8"),
    writeFile: (path, content) => writeFileAtomic(at(path), content, shownPath(cwd, at(path))),
    exists: (path) => fs.existsSync(at(path)),
    isDirectory: (path) => fs.statSync(at(path), { throwIfNoEntry: false })?.isDirectory() ?? false,
    readDir: (path) => fs.readdirSync(at(path)).sort(),
    realPath: (path) => fs.realpathSync(at(path)),
    exec: (command, args, options = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, [...args], {
          env: (options.env ?? process.env) as NodeJS.ProcessEnv,
          stdio: [
            options.input !== undefined ? "pipe" : options.closeStdin ? "ignore" : "inherit",
            options.capture ? "pipe" : "inherit",
            options.capture ? "pipe" : "inherit",
          ],
        });
        let stdout = "";
        let stderr = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.stderr?.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        let timedOut = false;
        const timers: NodeJS.Timeout[] = [];
        if (options.timeoutMs !== undefined) {
          timers.push(
            setTimeout(() => {
              timedOut = true;
              child.kill("SIGTERM");
              timers.push(setTimeout(() => child.kill("SIGKILL"), 5000));
            }, options.timeoutMs),
          );
        }
        let done = false;
        const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
          if (done) return;
          done = true;
          for (const timer of timers) clearTimeout(timer);
          resolve({ code, signal, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
        };
        child.on("error", (error) => {
          done = true;
          for (const timer of timers) clearTimeout(timer);
          reject(error);
        });
        if (child.pid !== undefined) options.onSpawn?.((signal) => child.kill(signal));
        // The program's exit is what counts: output still in the pipes arrives within
        // moments, but a background child that inherited them may hold them open for ever.
        child.on("exit", (code, signal) => {
          const grace = setTimeout(() => {
            child.stdout?.destroy();
            child.stderr?.destroy();
            finish(code, signal);
          }, EXIT_GRACE_MS);
          grace.unref();
          child.on("close", () => finish(code, signal));
        });
        if (options.input !== undefined) {
          child.stdin?.on("error", () => {});
          child.stdin?.end(options.input);
        }
      }),
  };
}

/** A path as an error shows it: relative to the working directory when inside it. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
