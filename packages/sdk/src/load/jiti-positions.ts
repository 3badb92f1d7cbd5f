/**
 * Positions in a pipeline.ts as the user wrote it, from positions in the code jiti ran.
 *
 * jiti transpiles TypeScript (load/transpile.ts: sucrase, else Babel) and runs the result
 * with `vm`, for which Node applies no source maps: lines are kept but columns move
 * (`_contrail.loadVar.call(void 0, ...)` or `(0, _contrail.loadVar)(...)` for
 * `loadVar(...)`, types stripped), and line 1 carries jiti's module wrapper. Only when
 * a position is needed (a diagnostic, a module that threw) is the file transpiled again,
 * this time with a source map (from the loader's private cache when there is one), and the
 * position mapped through it.
 * Start-up pays nothing.
 */
import * as fs from "node:fs";
import { createRequire, SourceMap } from "node:module";
import type { Jiti } from "jiti";
import type { PositionMapper, SourcePosition } from "../diagnostics/source-site.ts";
import { pipelineTranspiler } from "./transpile.ts";

// jiti's wrapper around a module run by `jiti.import` (`eval_evalModule` in jiti/dist/jiti.cjs).
const WRAPPER = "(async function (exports, require, module, __filename, __dirname, jitiImport, jitiESMResolve) { ";
const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)/;
const TYPESCRIPT = /\.[cm]?tsx?$/;

/** What a file maps through: its source text and Babel's map, or nothing to map. */
interface Mapped {
  readonly source: string[];
  readonly map: SourceMap | undefined;
}

/** A {@link PositionMapper} for TypeScript files loaded by jiti with `interopDefault: false`. */
export function jitiPositionMapper(cacheDir: string | false = false): PositionMapper {
  let jiti: Jiti | undefined;
  const files = new Map<string, Mapped>();
  const load = (file: string): Mapped => {
    const known = files.get(file);
    if (known) return known;
    let mapped: Mapped = { source: [], map: undefined };
    try {
      const source = fs.readFileSync(file, "utf8");
      // Through require, and only when a position is needed (jiti's ESM entry is slow to
      // load). The loader's private cache (load/private-cache.ts) already holds this file
      // transpiled with its map, so Babel is not loaded again; without a cache it is.
      const { createJiti } = createRequire(import.meta.url)("jiti") as typeof import("jiti");
      jiti ??= createJiti(import.meta.url, {
        interopDefault: false,
        sourceMaps: true,
        fsCache: cacheDir,
        rebuildFsCache: false,
        // The transpiler the loader ran the file with, so that its map is the one for the
        // code that ran when there is no cache to read it from.
        transform: pipelineTranspiler(),
      });
      const code = jiti.transform({ filename: file, source, ts: true, async: true });
      const inline = INLINE_MAP.exec(code)?.[1];
      const map = inline === undefined ? undefined : new SourceMap(JSON.parse(Buffer.from(inline, "base64").toString("utf8")));
      mapped = { source: source.split("\n"), map };
    } catch {
      // A file that cannot be read or transpiled again keeps the positions it ran with.
    }
    files.set(file, mapped);
    return mapped;
  };
  return (position: SourcePosition): SourcePosition => {
    if (!TYPESCRIPT.test(position.file)) return position;
    const { source, map } = load(position.file);
    if (map === undefined) return position;
    const column = position.line === 1 ? Math.max(1, position.column - WRAPPER.length) : position.column;
    const entry = map.findEntry(position.line - 1, column - 1) as { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return position;
    return {
      file: position.file,
      line: entry.originalLine + 1,
      column: callee(source[entry.originalLine] ?? "", entry.originalColumn) + 1,
    };
  };
}

/**
 * V8 places a call through jiti's import binding (`(0, _contrail.f)(x)`) at its `(`;
 * the user wrote `f(x)`, and V8 would have placed that at `f`. Moves back to the name.
 */
function callee(line: string, column: number): number {
  if (line[column] !== "(") return column;
  let start = column;
  while (start > 0 && /[\w$]/.test(line[start - 1] ?? "")) start--;
  return start;
}
