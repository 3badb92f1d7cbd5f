/**
 * The errors a user can fix, and the exit codes they map to. Below the CLI so that the
 * libraries that read files or load a pipeline.ts for it (load/, graph/, diff/) can say what
 * went wrong without reaching up into cli/.
 */

/** Exit codes, documented in the README. */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** Problems in the pipeline (errors, or warnings under `--strict`), or a failed check. */
  problems: 1,
  /** Bad usage: unknown command or flag, missing argument, unreadable input file. */
  usage: 2,
} as const;

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
