/**
 * The shape of a CLI command. The errors that map to exit codes live in io/errors.ts (the
 * libraries below the CLI throw them too); they are re-exported here for the commands.
 */
import type { Io } from "../io/io.ts";

export { CliError, ExitCode, UsageError } from "../io/errors.ts";

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
