/**
 * One pipeline.ts through sucrase, as contrail's jiti transform runs it (load/transpile.ts)
 * and as the first run's transpiling worker runs it ahead of time (load/pretranspile.ts):
 * the same options, so both give the same code, byte for byte.
 */

/** sucrase's `transform`, as the bundled copy and the workspace's export it. */
export type SucraseTransform = typeof import("sucrase").transform;

/** What only jiti's Babel handles as jiti does: `import.meta` and dynamic `import()`. */
export const NEEDS_BABEL = /\bimport\s*(?:\.\s*meta\b|\()/;

/** Where a transform's input came from and what the caller wants back. */
export interface SucraseInput {
  readonly source: string;
  /** The file's path, for the source map. */
  readonly filePath: string;
  /** TypeScript (types are stripped), else JavaScript. */
  readonly ts: boolean;
  /** Append an inline source map (jiti asks for one; load/jiti-positions.ts reads it). */
  readonly sourceMap: boolean;
}

/**
 * CommonJS for jiti from `input`, with an inline source map when asked. Throws what sucrase
 * throws on code it cannot parse (the caller then gives the file to Babel).
 */
export function sucraseTransform(transform: SucraseTransform, input: SucraseInput): string {
  const { filePath } = input;
  const result = transform(input.source, {
    transforms: input.ts ? ["typescript", "imports"] : ["imports"],
    filePath,
    // Imports used only as types go, as tsc and Babel elide them (`import "./x"` stays).
    keepUnusedImports: false,
    ...(input.sourceMap ? { sourceMapOptions: { compiledFilename: filePath } } : {}),
  });
  if (!result.sourceMap) return result.code;
  const map = Buffer.from(JSON.stringify({ ...result.sourceMap, sources: [filePath] })).toString("base64");
  return `${result.code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map}`;
}
