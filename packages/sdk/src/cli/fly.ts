/**
 * Finding and running Concourse's `fly` CLI for `sdk set`, `sdk validate` and `sdk diff`.
 *
 * fly is always run with an argument array through {@link Io.exec}, never through a shell.
 * The rendered pipeline reaches it as a private temporary file (mode 0600 in a fresh
 * `mkdtemp` directory) that is removed afterwards, also when fly fails or the user presses
 * Ctrl-C: SIGINT and SIGTERM are forwarded to fly, and the file is removed once it exits.
 *
 * @see https://concourse-ci.org/fly.html
 * @see https://concourse-ci.org/setting-pipelines.html
 */
import * as fs from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { CliError, ExitCode } from "./command.ts";
import type { ExecResult, Io } from "./io.ts";

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

/** Tracks Ctrl-C while fly runs. */
export interface Interrupts {
  /** The first SIGINT/SIGTERM received, if any. */
  readonly signal: NodeJS.Signals | undefined;
}

interface MutableInterrupts extends Interrupts {
  signal: NodeJS.Signals | undefined;
  send: ((signal: NodeJS.Signals) => void) | undefined;
}

const INTERRUPT_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/**
 * Runs `fn` with SIGINT/SIGTERM handlers that forward the signal to the running fly (a
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

/** Runs fly with the given arguments; see {@link withInterrupts}. */
export type FlyRunner = (io: Io, fly: string, args: readonly string[], options?: { readonly capture?: boolean }) => Promise<ExecResult>;

async function execFly(
  io: Io,
  fly: string,
  args: readonly string[],
  options: { readonly capture?: boolean } | undefined,
  state: MutableInterrupts,
): Promise<ExecResult> {
  if (state.signal !== undefined) return { code: null, signal: state.signal, stdout: "", stderr: "" };
  try {
    return await io.exec(fly, args, {
      env: io.env,
      ...(options?.capture ? { capture: true } : {}),
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
export async function withPrivateFile<T>(io: Io, name: string, text: string, fn: (path: string) => Promise<T>): Promise<T> {
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
    const path = join(dir, `${name.replace(/[^\w.-]/g, "_")}.yml`);
    fs.writeFileSync(path, text, { mode: 0o600, flag: "wx" });
    return await fn(path);
  } finally {
    process.off("exit", cleanup);
    cleanup();
  }
}
