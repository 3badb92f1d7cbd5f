/**
 * Checks before an output file is written: it must not be the input it is made from
 * (`sdk render pipeline.ts -o pipeline.ts` would replace the source with YAML), and a file
 * named after a pipeline must stay inside the folder given with `-o DIR`.
 */
import * as fs from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { CliError, ExitCode } from "./command.ts";

/** True when `a` and `b` are the same file: the same path, or (existing) the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Throws (exit 2) when `out` is one of `inputs`, symlinks and hard links included.
 * `shownOut` is the output as the user wrote it.
 */
export function refuseToReplaceInput(command: string, out: string, inputs: readonly string[], shownOut: string): void {
  for (const input of inputs) {
    if (!sameFile(out, input)) continue;
    throw new CliError(
      `sdk ${command}: error: the output ${shownOut} is the input file; writing it would replace the source. Give another -o path.`,
      ExitCode.usage,
    );
  }
}

/** `DIR/NAME` when it stays inside DIR; throws (exit 1) when the name would leave it. */
export function insideOutputDir(command: string, dir: string, fileName: string): string {
  const root = resolve(dir);
  const path = resolve(root, fileName);
  // The file must be a direct child of DIR: one segment, not DIR itself, not above it.
  const rel = relative(root, path);
  if (rel === "" || rel === ".." || rel.includes(sep) || isAbsolute(rel)) {
    throw new CliError(`sdk ${command}: error: ${JSON.stringify(fileName)} would be written outside ${dir}; rename the pipeline.`);
  }
  return path;
}
