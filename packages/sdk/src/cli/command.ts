/**
 * The shape of a CLI command, and the errors that map to exit codes.
 */
import type { Io } from "./io.ts";

/** Exit codes, documented in the README. */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** Problems in the pipeline (errors, or warnings under `--strict`), or a failed check. */
  problems: 1,
  /** Bad usage: unknown command or flag, missing argument, unreadable input file. */
  usage: 2,
} as const;

/** One subcommand of `sdk`. */
export interface Command {
  /** The name typed after `sdk`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full help text. */
  readonly usage: string;
  /** Runs the command; resolves to the exit code. */
  run(args: readonly string[], io: Io): Promise<number>;
}

/**
 * A mistake in how the CLI was called. Printed as one line plus a pointer to `--help`,
 * exit code 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * A failure the user can fix, with a message that says how. Printed without a stack trace.
 * `exitCode` is 1 for problems with the pipeline and 2 for problems with the invocation.
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = ExitCode.problems) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
