/**
 * `-` as a file name: standard input, as most Unix tools take it (`cat p.yml | sdk lint -`).
 */

import type { Io } from "../io/io.ts";
import { CliError, ExitCode } from "./command.ts";

/** The file name that means standard input. */
export const STDIN = "-";
/** How standard input is named in diagnostics. */
export const STDIN_NAME = "<stdin>";

/** Reads all of standard input, or fails with one line saying why. */
export function readStandardInput(io: Io, command: string): string {
  if (!io.readStdin) throw new CliError(`sdk ${command}: '-' reads standard input, which this environment does not have`, ExitCode.usage);
  try {
    return io.readStdin();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new CliError(`sdk ${command}: cannot read standard input: ${reason}`, ExitCode.usage);
  }
}
