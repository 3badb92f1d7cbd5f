/**
 * Loads a user's `pipeline.ts` (or `.js`/`.mts`) and finds the pipelines it exports.
 *
 * TypeScript is loaded with jiti, which only strips types (type errors are `sdk lint`'s
 * business) and shares module instances with the CLI. `contrail` is aliased to this copy of
 * the library, so the user's builders and the CLI agree on every class.
 */

import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import { Pipeline } from "../builders/pipeline.ts";
import { CliError, ExitCode } from "./command.ts";
import type { Io } from "./io.ts";

/** One exported pipeline. */
export interface LoadedPipeline {
  /** The pipeline's name: its `name` option, else the export's name (`default` for the default export). */
  readonly name: string;
  /** The export's name. */
  readonly exportName: string;
  readonly pipeline: Pipeline;
}

const LIBRARY_ENTRY = fileURLToPath(new URL("../index.ts", import.meta.url));
const LIBRARY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Imports `file` and returns its exported pipelines, in export order with the default
 * export first. Throws a {@link CliError} with a one-screen message when the file is
 * missing, does not compile, throws, or exports no pipeline.
 */
export async function loadPipelines(file: string, io: Io): Promise<LoadedPipeline[]> {
  const path = isAbsolute(file) ? file : resolve(io.cwd, file);
  const shown = relative(io.cwd, path) || file;
  if (!io.exists(path)) {
    throw new CliError(
      `error: no such file: ${shown}\nGive the pipeline file, e.g. 'sdk render packages/examples/blog/pipeline.ts'.`,
      ExitCode.usage,
    );
  }
  const jiti = createJiti(import.meta.url, { alias: { contrail: LIBRARY_ENTRY }, interopDefault: false, moduleCache: true });
  let module: Record<string, unknown>;
  try {
    module = (await jiti.import(path)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(describeLoadError(error, shown, io.cwd));
  }
  const found: LoadedPipeline[] = [];
  const entries = Object.entries(module).sort(([a], [b]) => (a === "default" ? -1 : b === "default" ? 1 : 0));
  for (const [exportName, value] of entries) {
    if (Pipeline.isPipeline(value)) {
      found.push({ name: value.name ?? exportName, exportName, pipeline: value });
    }
  }
  if (found.length === 0) {
    throw new CliError(
      `error: ${shown} exports no pipeline.\nExport one: 'export default new Pipeline({ jobs: [...] })' (or several as named exports).`,
    );
  }
  return found;
}

/** A load failure as the user needs it: what went wrong, where in *their* code. */
function describeLoadError(error: unknown, shown: string, cwd: string): string {
  if (!(error instanceof Error)) return `error: ${shown} failed to load: ${String(error)}`;
  // jiti reports a parse error as "ParseError: <message>\n <file>:<line>:<column, 0-based>".
  const parse = /^(?:ParseError|SyntaxError): (.*?)\s*\n\s*(\S+):(\d+):(\d+)/s.exec(error.message);
  if (parse) {
    return `${shown}:${parse[3]}:${Number(parse[4]) + 1}: error: ${parse[1]}\nThe file does not parse as TypeScript; fix the syntax and run again.`;
  }
  if (error.name === "SyntaxError") {
    return `${shown}: error: ${error.message.split("\n")[0]}\nThe file does not parse as TypeScript; fix the syntax and run again.`;
  }
  const frames = (error.stack ?? "")
    .split("\n")
    .slice(1)
    .filter(
      (line) => /^\s+at /.test(line) && !line.includes("node_modules") && !line.includes("node:internal") && !line.includes(LIBRARY_ROOT),
    )
    .map((line) => line.replace(cwd + "/", ""));
  return `error: ${shown} threw while loading: ${error.message}${frames.length > 0 ? `\n${frames.join("\n")}` : ""}`;
}
