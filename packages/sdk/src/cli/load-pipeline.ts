/**
 * Loads a user's `pipeline.ts` (or `.js`/`.mts`) and finds the pipelines it exports.
 *
 * TypeScript is loaded with jiti, which only strips types (type errors are `sdk lint`'s
 * business). `contrail` is handed to the user's file as the very module object the CLI
 * runs (a jiti virtual module: the compiled copy in an install, the sources under vitest),
 * so the user's builders and the CLI agree on every class, and no contrail code is ever
 * transpiled or read from a cache. jiti's cache of the user's file is private
 * ({@link choosePrivateCache}).
 */

import { createRequire } from "node:module";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Pipeline } from "../builders/pipeline.ts";
import { CliError, ExitCode } from "./command.ts";
import type { Io } from "./io.ts";
import { choosePrivateCache, tightenCacheFiles } from "./private-cache.ts";

/** One exported pipeline. */
export interface LoadedPipeline {
  /** The pipeline's name: its `name` option, else the export's name (`default` for the default export). */
  readonly name: string;
  /** The export's name. */
  readonly exportName: string;
  readonly pipeline: Pipeline;
}

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
  const cache = choosePrivateCache(io.env);
  if (cache.dir === false && cache.warning) io.stderr(`${cache.warning}\n`);
  // jiti through require: its ESM entry re-exports a 190 KB CommonJS bundle, which Node's
  // ESM loader first scans for export names (about 50 ms of every render).
  const { createJiti } = createRequire(import.meta.url)("jiti") as typeof import("jiti");
  const jiti = createJiti(import.meta.url, {
    virtualModules: { contrail: await import("../index.ts") },
    interopDefault: false,
    moduleCache: true,
    // Explicit, so that JITI_* variables cannot point the cache (or ESM temp files) elsewhere.
    fsCache: cache.dir,
    rebuildFsCache: false,
    esmEvalTempFile: false,
  });
  let module: Record<string, unknown>;
  try {
    module = (await jiti.import(path)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(describeLoadError(error, shown, io.cwd));
  } finally {
    if (cache.dir) tightenCacheFiles(cache.dir);
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
