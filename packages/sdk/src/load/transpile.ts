/**
 * How jiti turns a user's pipeline.ts into the CommonJS it runs: with sucrase when it can,
 * with jiti's own Babel otherwise.
 *
 * jiti's Babel (dist/babel.cjs, 1.5 MB) takes about 200 ms to load and transform the blog
 * pipeline, most of the first render after install (the jiti cache is empty then). sucrase
 * strips types and rewrites `import`/`export` in about a quarter of that, which is all a
 * pipeline.ts usually needs. What sucrase does not do as jiti does goes to Babel, whole:
 * `import.meta` (which jiti turns into the file's own values), dynamic `import()` (jiti's
 * `jitiImport`), JSX, and anything sucrase refuses to parse. A parse error is then reported
 * by Babel, with the message and place jiti always gave.
 *
 * sucrase is bundled into contrail's dist (scripts/build.mjs, `dist/vendor/sucrase.cjs`),
 * not installed beside it, and loaded only on a cache miss.
 */
import { createRequire } from "node:module";
import type { Jiti, JitiOptions, TransformOptions } from "jiti";

type Transform = NonNullable<JitiOptions["transform"]>;
type SucraseTransform = typeof import("sucrase").transform;

/** What only jiti's Babel handles as jiti does. */
const NEEDS_BABEL = /\bimport\s*(?:\.\s*meta\b|\()/;

const require = createRequire(import.meta.url);

let sucrase: SucraseTransform | undefined;
/** sucrase's `transform`: the bundled copy in an install, the workspace's under vitest. */
function loadSucrase(): SucraseTransform {
  if (sucrase) return sucrase;
  let module: typeof import("sucrase");
  try {
    // From dist/chunks/ or dist/load/, the copy scripts/build.mjs bundled.
    module = require("../vendor/sucrase.cjs") as typeof import("sucrase");
  } catch {
    module = require("sucrase") as typeof import("sucrase");
  }
  sucrase = module.transform;
  return sucrase;
}

/**
 * A jiti `transform` option: sucrase for TypeScript and ES modules it handles exactly,
 * jiti's Babel for the rest. The code
 * carries an inline source map when jiti asks for one (its `sourceMaps` option), as
 * jiti's Babel writes it, for load/jiti-positions.ts.
 */
export function pipelineTranspiler(): Transform {
  let babel: Jiti | undefined;
  return (options: TransformOptions) => {
    const viaBabel = () => {
      // jiti without a transform option of its own transpiles with its Babel; no cache here
      // (the jiti that called this one caches the result).
      const { createJiti } = require("jiti") as typeof import("jiti");
      babel ??= createJiti(import.meta.url, { interopDefault: false, fsCache: false, sourceMaps: true });
      return { code: babel.transform(options) };
    };
    if (options.jsx || NEEDS_BABEL.test(options.source)) return viaBabel();
    const filePath = options.filename ?? "pipeline.ts";
    let result: ReturnType<SucraseTransform>;
    try {
      result = loadSucrase()(options.source, {
        transforms: options.ts ? ["typescript", "imports"] : ["imports"],
        filePath,
        // Imports used only as types go, as tsc and Babel elide them (`import "./x"` stays).
        keepUnusedImports: false,
        ...(wantsSourceMap(options) ? { sourceMapOptions: { compiledFilename: filePath } } : {}),
      });
    } catch {
      return viaBabel();
    }
    if (!result.sourceMap) return { code: result.code };
    const map = Buffer.from(JSON.stringify({ ...result.sourceMap, sources: [filePath] })).toString("base64");
    return { code: `${result.code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map}` };
  };
}

/** jiti asks for a map through Babel's options (`sourceMaps: "inline"`). */
function wantsSourceMap(options: TransformOptions): boolean {
  return Boolean((options.babel as { sourceMaps?: unknown } | undefined)?.sourceMaps);
}
