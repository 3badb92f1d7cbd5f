/**
 * Finding and running Concourse's `fly` CLI for `sdk set`, `sdk validate` and `sdk diff`.
 *
 * fly is always run with an argument array through {@link Io.exec}, never through a shell.
 * The rendered pipeline reaches it as a private temporary file (mode 0600 in a fresh
 * `mkdtemp` directory) that is removed afterwards, also when fly fails or contrail is told
 * to stop: SIGINT, SIGTERM, SIGHUP and SIGQUIT are forwarded to fly, and the file is
 * removed once it exits. Vars given with `-v`/`-y` travel in such a file too, never in
 * fly's argv (which every local user can read in `ps`).
 *
 * @see https://concourse-ci.org/fly.html
 * @see https://concourse-ci.org/setting-pipelines.html
 */
import * as fs from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import type { ExecResult, Io } from "../io/io.ts";
import { CliError, ExitCode } from "./command.ts";

/** How to get fly, in one line. */
export const FLY_INSTALL_HINT =
  "download it from your Concourse's web UI (or https://<concourse>/api/v1/cli?arch=amd64&platform=linux), put it on PATH, and keep it in step with 'fly -t TARGET sync'; or give --fly PATH or set FLY";

/**
 * Finds the fly executable: `--fly PATH` first, then the `FLY` environment variable, then
 * `fly` on `PATH`. Returns undefined when none is found and none was asked for; throws a
 * {@link CliError} (exit 2) when `--fly` or `FLY` names something that is not executable.
 *
 * @see https://concourse-ci.org/fly.html
 */
export function findFly(io: Io, explicit?: string): string | undefined {
  const asked = explicit ?? (io.env.FLY ? io.env.FLY : undefined);
  const origin = explicit !== undefined ? "--fly" : "FLY";
  if (asked !== undefined) {
    const found = asked.includes("/") || asked.includes("\\") ? executable(resolve(io.cwd, asked)) : searchPath(io, asked);
    if (found === undefined) throw new CliError(`error: ${origin} ${asked}: no such executable; ${FLY_INSTALL_HINT}.`, ExitCode.usage);
    return found;
  }
  return searchPath(io, "fly");
}

/** Like {@link findFly}, but a missing fly is an error (exit 2) saying how to install it. */
export function requireFly(io: Io, command: string, explicit?: string): string {
  const fly = findFly(io, explicit);
  if (fly === undefined) throw new CliError(`sdk ${command}: fly not found on PATH; ${FLY_INSTALL_HINT}.`, ExitCode.usage);
  return fly;
}

function searchPath(io: Io, name: string): string | undefined {
  const extensions = process.platform === "win32" ? (io.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (io.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const ext of extensions) {
      const found = executable(join(isAbsolute(dir) ? dir : resolve(io.cwd, dir), name + ext));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function executable(path: string): string | undefined {
  try {
    if (!fs.statSync(path).isFile()) return undefined;
    fs.accessSync(path, fs.constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

/**
 * A fly command line, kept twice: as run, and as shown to people, where the values of
 * `-v`, `-y` and `-i` are masked (`-v password=***`) since vars often carry credentials.
 */
export class FlyArgs {
  /** The arguments fly is run with. */
  readonly args: string[] = [];
  /** The same, with var values masked. */
  readonly shown: string[] = [];

  /** Appends arguments that are safe to show. */
  add(...args: readonly string[]): this {
    this.args.push(...args);
    this.shown.push(...args);
    return this;
  }

  /** Appends `flag NAME=VALUE`, showing it as `flag NAME=***`. */
  secret(flag: string, assignment: string): this {
    const eq = assignment.indexOf("=");
    this.args.push(flag, assignment);
    this.shown.push(flag, eq < 0 ? "***" : `${assignment.slice(0, eq)}=***`);
    return this;
  }
}

/** Formats a command for people, quoting what a shell would split. Values must be masked first. */
export function showCommand(program: string, args: readonly string[]): string {
  return [program, ...args].map((a) => (/^[\w@%+=:,./*-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}

/** Tracks the signals that end contrail while fly runs. */
export interface Interrupts {
  /** The first SIGINT/SIGTERM/SIGHUP/SIGQUIT received, if any. */
  readonly signal: NodeJS.Signals | undefined;
}

interface MutableInterrupts extends Interrupts {
  signal: NodeJS.Signals | undefined;
  send: ((signal: NodeJS.Signals) => void) | undefined;
}

/** Every signal whose default action ends contrail, and that a terminal or CI runner sends. */
const INTERRUPT_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];

/**
 * Runs `fn` with handlers for {@link INTERRUPT_SIGNALS} that forward the signal to the running fly (a
 * second signal kills it) instead of ending contrail, so that `finally` blocks, which remove
 * the temporary file, still run.
 */
export async function withInterrupts<T>(fn: (interrupts: Interrupts, run: FlyRunner) => Promise<T>): Promise<T> {
  const state: MutableInterrupts = { signal: undefined, send: undefined };
  const handler = (signal: NodeJS.Signals): void => {
    const first = state.signal === undefined;
    state.signal ??= signal;
    state.send?.(first ? signal : "SIGKILL");
  };
  for (const s of INTERRUPT_SIGNALS) process.on(s, handler);
  try {
    return await fn(state, (io, fly, args, options) => execFly(io, fly, args, options, state));
  } finally {
    for (const s of INTERRUPT_SIGNALS) process.off(s, handler);
  }
}

/** How {@link FlyRunner} runs fly. */
export interface FlyRunOptions {
  /** Capture fly's output instead of passing it through. */
  readonly capture?: boolean;
  /** Give fly no stdin, where no prompt is wanted (it would wait for an answer no one sees). */
  readonly closeStdin?: boolean;
  /** Stop fly after this long (see {@link flyTimeoutMs}). */
  readonly timeoutMs?: number | undefined;
}

/** Runs fly with the given arguments; see {@link withInterrupts}. */
export type FlyRunner = (io: Io, fly: string, args: readonly string[], options?: FlyRunOptions) => Promise<ExecResult>;

/** The environment variable that sets fly's time limit, in seconds. */
export const FLY_TIMEOUT_ENV = "CONTRAIL_FLY_TIMEOUT";

/** The `--fly-timeout SECONDS` flag of the commands that run fly. */
export const FLY_TIMEOUT_OPTION = { "fly-timeout": { type: "string" } } as const;

/** One help line for {@link FLY_TIMEOUT_OPTION}. */
export const FLY_TIMEOUT_USAGE = `      --fly-timeout S         stop fly after S seconds (default: no limit; env ${FLY_TIMEOUT_ENV})`;

/**
 * fly's time limit in milliseconds: `--fly-timeout` first, then {@link FLY_TIMEOUT_ENV};
 * undefined for none. A value that is not a positive number is a usage error.
 */
export function flyTimeoutMs(command: string, flag: string | undefined, io: Io): number | undefined {
  const [given, origin] = flag !== undefined ? [flag, "--fly-timeout"] : [io.env[FLY_TIMEOUT_ENV], FLY_TIMEOUT_ENV];
  if (given === undefined || given === "") return undefined;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new CliError(`sdk ${command}: ${origin} takes a number of seconds greater than 0 (got '${given}')`, ExitCode.usage);
  }
  return Math.min(seconds * 1000, 2 ** 31 - 1);
}

/** The line and exit code for a fly that ran past its time limit; undefined when it did not. */
export function reportTimeout(io: Io, command: string, result: ExecResult, timeoutMs: number | undefined): number | undefined {
  if (!result.timedOut) return undefined;
  io.stderr(
    `sdk ${command}: fly did not finish within ${(timeoutMs ?? 0) / 1000} s and was stopped; check the target's connection ('fly -t TARGET status'), or give a longer --fly-timeout.\n`,
  );
  return ExitCode.problems;
}

async function execFly(
  io: Io,
  fly: string,
  args: readonly string[],
  options: FlyRunOptions | undefined,
  state: MutableInterrupts,
): Promise<ExecResult> {
  if (state.signal !== undefined) return { code: null, signal: state.signal, stdout: "", stderr: "" };
  try {
    return await io.exec(fly, args, {
      env: io.env,
      ...(options?.capture ? { capture: true } : {}),
      ...(options?.closeStdin ? { closeStdin: true } : {}),
      ...(options?.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      onSpawn: (send) => {
        state.send = send;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`error: could not run ${fly}: ${reason}; ${FLY_INSTALL_HINT}.`, ExitCode.usage);
  } finally {
    state.send = undefined;
  }
}

/** fly's exit code, or 128 + the signal's number when a signal ended it (130 for SIGINT). */
export function exitCodeOf(result: ExecResult): number {
  if (result.code !== null) return result.code;
  const number = result.signal ? osConstants.signals[result.signal] : undefined;
  return 128 + (number ?? 1);
}

/** The exit code after an interruption, with a line saying so on stderr. */
export function reportInterrupt(
  io: Io,
  command: string,
  signal: NodeJS.Signals,
  result: ExecResult | undefined,
  removedFile = true,
): number {
  const code = result === undefined ? 128 + osConstants.signals[signal] : exitCodeOf(result);
  const status = code === 0 ? 128 + osConstants.signals[signal] : code;
  const fly = result === undefined ? "fly was not started" : `fly exited with ${result.code ?? result.signal}`;
  const file = removedFile ? "; the temporary pipeline file was removed" : "";
  io.stderr(`sdk ${command}: interrupted by ${signal}; ${fly}${file} (exit ${status}).\n`);
  return status;
}

/**
 * Writes `text` to a private temporary file (mode 0600, in a new `mkdtemp` directory under
 * `TMPDIR`), runs `fn` with its path and removes the directory afterwards, whatever happens.
 */
export function withPrivateFile<T>(io: Io, name: string, text: string, fn: (path: string) => Promise<T>): Promise<T> {
  return withPrivateFiles(io, [{ name, text }], ([path]) => fn(path as string));
}

/** One file for {@link withPrivateFiles}: `name` becomes `NAME.yml`. */
export interface PrivateFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Like {@link withPrivateFile}, for several files in one private directory (mode 0700),
 * each mode 0600; `fn` gets their paths in order.
 */
export async function withPrivateFiles<T>(io: Io, files: readonly PrivateFile[], fn: (paths: string[]) => Promise<T>): Promise<T> {
  const base = io.env.TMPDIR ? resolve(io.cwd, io.env.TMPDIR) : tmpdir();
  let dir: string;
  try {
    dir = fs.mkdtempSync(join(base, "contrail-"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`error: cannot create a temporary directory in ${base}: ${reason}; set TMPDIR to a writable directory.`);
  }
  const cleanup = (): void => fs.rmSync(dir, { recursive: true, force: true });
  // A last resort should something call process.exit() while fly runs.
  process.on("exit", cleanup);
  try {
    const paths = files.map(({ name, text }, i) => {
      // `~` is never in a sanitized name, so the files after the first cannot collide with it.
      const safe = name.replace(/[^\w.-]/g, "_");
      const path = join(dir, i === 0 ? `${safe}.yml` : `~${i}-${safe}.yml`);
      fs.writeFileSync(path, text, { mode: 0o600, flag: "wx" });
      return path;
    });
    return await fn(paths);
  } finally {
    process.off("exit", cleanup);
    cleanup();
  }
}
