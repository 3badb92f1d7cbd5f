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

import { isAbsolute, relative, resolve } from "node:path";
import { Pipeline } from "../builders/pipeline.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { setPositionMapper, userFrames } from "../diagnostics/source-site.ts";
import { isInstance, readThrown } from "../diagnostics/thrown.ts";
import { CliError, ExitCode } from "../io/errors.ts";
import type { Io } from "../io/io.ts";
import { codeFrame } from "../lint/format/text.ts";
import { loadJiti, persistJitiCache } from "./jiti-loader.ts";
import { jitiPositionMapper } from "./jiti-positions.ts";
import { DEFAULT_LOAD_TIMEOUT_SECONDS, withLoadGuards } from "./load-guard.ts";
import { cacheFileNames, choosePrivateCache, tightenCacheFiles } from "./private-cache.ts";
import { pipelineTranspiler } from "./transpile.ts";

/** One exported pipeline. */
export interface LoadedPipeline {
  /** The pipeline's name: its `name` option, else the export's name (`default` for the default export). */
  readonly name: string;
  /** The export's name. */
  readonly exportName: string;
  readonly pipeline: Pipeline;
}

/**
 * The pipeline file did not load: it does not parse or it threw. The message is for
 * people; `diagnostic` is the same as a value, at the user's line when known.
 */
export class PipelineLoadError extends CliError {
  readonly diagnostic: Diagnostic;
  constructor(message: string, diagnostic: Diagnostic) {
    super(message);
    this.diagnostic = diagnostic;
  }
}

/**
 * Imports `file` and returns its exported pipelines, by export name (as an ES module's
 * namespace lists them) with the default export first. Throws a {@link CliError} with a one-screen message when the file is
 * missing, does not compile, throws, exports no pipeline, ends the process, never settles or
 * runs past `timeoutMs` ({@link withLoadGuards}).
 */
export async function loadPipelines(
  file: string,
  io: Io,
  timeoutMs: number = DEFAULT_LOAD_TIMEOUT_SECONDS * 1000,
): Promise<LoadedPipeline[]> {
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
  // jiti through require (its ESM entry re-exports a 190 KB CommonJS bundle, which Node's
  // ESM loader first scans for export names: about 50 ms of every render), with that
  // bundle's bytecode from the code cache (jiti-loader.ts).
  const createJiti = loadJiti(io.env);
  const jiti = createJiti(import.meta.url, {
    virtualModules: { contrail: await import("../index.ts") },
    interopDefault: false,
    moduleCache: true,
    // Explicit, so that JITI_* variables cannot point the cache (or ESM temp files) elsewhere.
    fsCache: cache.dir,
    rebuildFsCache: false,
    esmEvalTempFile: false,
    // The cached transpiled file carries its source map, so that mapping a position later
    // (jiti-positions.ts) reads the cache instead of loading Babel again.
    sourceMaps: true,
    transform: pipelineTranspiler(),
  });
  // Positions in the user's code (of builder objects, of a throw) are mapped back to the
  // TypeScript the user wrote, lazily (jiti-positions.ts).
  setPositionMapper(jitiPositionMapper(cache.dir));
  const cachedBefore = cache.dir ? cacheFileNames(cache.dir) : new Set<string>();
  let module: Record<string, unknown>;
  try {
    module = (await withLoadGuards(shown, io, timeoutMs, () => jiti.import(path))) as Record<string, unknown>;
  } catch (error) {
    if (isInstance(error, CliError)) throw error;
    throw describeLoadError(error, shown, io);
  } finally {
    persistJitiCache();
    if (cache.dir) tightenCacheFiles(cache.dir, undefined, cachedBefore);
  }
  const found: LoadedPipeline[] = [];
  // In the order of an ES module's namespace (by name), the default export first: the same
  // whichever transpiler ran the file (sucrase assigns exports in source order, Babel not).
  const entries = Object.entries(module).sort(([a], [b]) => (a === "default" ? -1 : b === "default" ? 1 : a < b ? -1 : a > b ? 1 : 0));
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
function describeLoadError(error: unknown, shown: string, io: Io): PipelineLoadError {
  const failed = (message: string, text: string, place?: { file: string; line: number; column: number }) =>
    new PipelineLoadError(text, { code: "load-error", severity: "error", message, path: "", file: shown, ...place });
  // Read without trusting it: user code may throw anything (diagnostics/thrown.ts).
  const thrown = readThrown(error);
  if (!thrown.isError) return failed(`${shown} failed to load: ${thrown.message}`, `error: ${shown} failed to load: ${thrown.message}`);
  const unparsable = "The file does not parse as TypeScript; fix the syntax and run again.";
  // jiti reports a parse error as "ParseError: <message>\n <file>:<line>:<column, 0-based>".
  const parse = /^(?:ParseError|SyntaxError): (.*?)\s*\n\s*(\S+):(\d+):(\d+)/s.exec(thrown.message);
  if (parse?.[1]) {
    const [line, column] = [Number(parse[3]), Number(parse[4]) + 1];
    return failed(parse[1], `${shown}:${line}:${column}: error: ${parse[1]}\n${unparsable}`, { file: shown, line, column });
  }
  if (thrown.name === "SyntaxError") {
    const first = thrown.message.split("\n")[0] ?? thrown.message;
    return failed(first, `${shown}: error: ${first}\n${unparsable}`);
  }
  const frames = userFrames(thrown.stack).map((f) => ({ ...f, file: relative(io.cwd, f.file) || f.file }));
  const message = `${shown} threw while loading: ${thrown.message}`;
  const top = frames[0];
  if (top === undefined) return failed(message, `error: ${message}`);
  let source: string | undefined;
  try {
    source = io.readFile(resolve(io.cwd, top.file));
  } catch {
    source = undefined;
  }
  const trace = frames.map((f) => `    at ${f.name ? `${f.name} (${f.file}:${f.line}:${f.column})` : `${f.file}:${f.line}:${f.column}`}`);
  return failed(
    message,
    `${top.file}:${top.line}:${top.column}: error: ${message}\n${codeFrame(source, top.line, top.column)}${trace.join("\n")}`,
    {
      file: top.file,
      line: top.line,
      column: top.column,
    },
  );
}
