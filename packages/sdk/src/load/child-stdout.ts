/**
 * Keeps child processes that a pipeline.ts starts while loading off contrail's stdout.
 *
 * `console.log` while loading goes to stderr (load-guard.ts), but a child started with
 * `stdio: "inherit"` (or `fork`, which inherits by default) gets the process's fd 1 itself:
 * its output lands in `sdk render > pipeline.yml`, and a child that outlives contrail keeps
 * `sdk render | consumer` open until it ends. While a pipeline.ts loads, the stdout of every
 * child it starts through `node:child_process` is the process's stderr instead. Node's
 * builtin module object is shared by every `require("node:child_process")`, so the user's
 * code sees the guarded functions; they are put back when the load ends.
 *
 * @see https://nodejs.org/api/child_process.html#optionsstdio
 */
import { createRequire } from "node:module";

type Stdio = unknown;

const require = createRequire(import.meta.url);
const GUARDED = ["spawn", "spawnSync", "fork", "execFile", "execFileSync", "exec", "execSync"] as const;

/** True for a stdio entry that hands the child contrail's own stdout. */
function isOwnStdout(entry: unknown): boolean {
  return entry === "inherit" || entry === 1 || entry === process.stdout;
}

/** `stdio` with contrail's stdout replaced by its stderr (fd 2). */
export function withoutOwnStdout(stdio: Stdio, forking: boolean): Stdio {
  if (stdio === "inherit") return ["inherit", 2, "inherit"];
  if (Array.isArray(stdio)) return stdio.map((entry, fd) => (fd === 1 && isOwnStdout(entry) ? 2 : entry));
  // fork's default (not `silent`) is to inherit all three, plus its IPC channel.
  if (stdio === undefined && forking) return ["inherit", 2, "inherit", "ipc"];
  return stdio;
}

/** The options argument of a child_process call: the last plain object among its arguments. */
function optionsIndex(args: unknown[]): number {
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i];
    if (a !== null && typeof a === "object" && !Array.isArray(a)) return i;
    if (typeof a !== "function") break;
  }
  return -1;
}

/**
 * Guards `node:child_process` until the returned function is called (see the module's
 * comment). Calls that give no options get options with the guarded `stdio` only where
 * their default would inherit stdout (fork).
 */
export function guardChildStdout(): () => void {
  const cp = require("node:child_process") as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  for (const name of GUARDED) {
    const real = cp[name] as (...args: unknown[]) => unknown;
    saved.set(name, real);
    const forking = name === "fork";
    cp[name] = function guarded(this: unknown, ...args: unknown[]) {
      const at = optionsIndex(args);
      if (at >= 0) {
        const options = args[at] as { stdio?: Stdio; silent?: boolean };
        const stdio = forking && options.silent ? options.stdio : withoutOwnStdout(options.stdio, forking);
        // The caller's options object is left alone unless its stdout changes.
        if (stdio !== options.stdio) args[at] = { ...options, stdio };
      } else if (forking) {
        // fork(modulePath[, args][, options]): options come after the module and its args.
        args.push({ stdio: withoutOwnStdout(undefined, true) });
      }
      return real.apply(this, args);
    };
  }
  return () => {
    for (const [name, real] of saved) cp[name] = real;
  };
}
