/**
 * Pipeline names become file names (`render -o DIR` writes DIR/NAME.yml) and fly
 * arguments (`set --all` passes `-p NAME`), so they are checked first: no path separators,
 * no `..`, no control or bidirectional-override characters (which would also reach the
 * terminal raw), not empty, and no two different pipelines under one name.
 */
import type { Pipeline } from "../builders/pipeline.ts";
import { CliError } from "./command.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** What is wrong with a name as a file name or fly argument, or undefined when nothing. */
export function pipelineNameProblem(name: string): string | undefined {
  if (name === "") return "is empty";
  if (name.includes("/") || name.includes("\\")) return "contains a path separator ('/' or '\\')";
  if (name.includes("..")) return "contains '..'";
  if (name === ".") return "is '.'";
  if (UNSAFE_CHARACTERS.test(name)) return "contains a control or text-direction character";
  return undefined;
}

/** A name as it can be shown safely: JSON-quoted, with control and direction characters as `\uXXXX`. */
export function showName(name: string): string {
  return JSON.stringify(name).replace(
    new RegExp(UNSAFE_CHARACTERS.source, "gu"),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Throws (exit 1) listing every unusable name and every name shared by two different
 * pipelines of `file`. The same pipeline exported twice under one name is fine.
 */
export function checkPipelineNames(
  command: string,
  file: string,
  pipelines: ReadonlyArray<{ readonly name: string; readonly exportName: string; readonly pipeline: Pipeline }>,
): void {
  const problems: string[] = [];
  const byName = new Map<string, { exportName: string; pipeline: Pipeline }>();
  for (const { name, exportName, pipeline } of pipelines) {
    const problem = pipelineNameProblem(name);
    if (problem) problems.push(`pipeline ${showName(name)} (export ${exportName}) ${problem}`);
    const first = byName.get(name);
    if (first && first.pipeline !== pipeline) {
      problems.push(`exports ${first.exportName} and ${exportName} are both named ${showName(name)}; one would overwrite the other`);
    } else if (!first) byName.set(name, { exportName, pipeline });
  }
  if (problems.length === 0) return;
  throw new CliError(
    `sdk ${command}: error: ${file}: ${problems.join("; ")}.\nGive each pipeline a plain, unique name (letters, digits, '-', '_', '.'), with its name option.`,
  );
}
