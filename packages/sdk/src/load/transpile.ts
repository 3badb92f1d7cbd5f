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
 * not installed beside it, and loaded only on a cache miss, through the code cache
 * (load/code-cache.ts).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Jiti, JitiOptions, TransformOptions } from "jiti";
import { oneLineSafe } from "../diagnostics/terminal-safe.ts";
import { runCachedBundle } from "./code-cache.ts";
import { takePretranspiled } from "./pretranspile.ts";
import { NEEDS_BABEL, type SucraseTransform, sucraseTransform } from "./sucrase-transform.ts";

type Transform = NonNullable<JitiOptions["transform"]>;

const require = createRequire(import.meta.url);

let sucrase: { readonly transform: SucraseTransform; persist(): void } | undefined;
/**
 * sucrase's `transform`: the bundled copy in an install (with its bytecode from the code
 * cache, as the CLI's: an edited pipeline.ts misses jiti's cache and needs sucrase again),
 * the workspace's under vitest.
 */
function loadSucrase(): NonNullable<typeof sucrase> {
  if (sucrase) return sucrase;
  // From dist/chunks/, dist/load/ or dist/cli/: the copy scripts/build.mjs bundled.
  const bundled = fileURLToPath(new URL("../vendor/sucrase.cjs", import.meta.url));
  if (existsSync(bundled)) {
    const bundle = runCachedBundle(bundled, "sucrase", process.env);
    sucrase = { transform: (bundle.exports as typeof import("sucrase")).transform, persist: () => bundle.persist() };
  } else {
    sucrase = { transform: (require("sucrase") as typeof import("sucrase")).transform, persist: () => {} };
  }
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
    const input = {
      source: options.source,
      filePath: options.filename ?? "pipeline.ts",
      ts: Boolean(options.ts),
      sourceMap: wantsSourceMap(options),
    };
    // The first run after install may have had the file transpiled on another core while
    // the CLI's bundle compiled (load/pretranspile.ts).
    const ahead = takePretranspiled(input);
    if (process.env.CONTRAIL_DEBUG) {
      process.stderr.write(
        `contrail: ${oneLineSafe(input.filePath)} transpiled ${ahead === undefined ? "in place" : "ahead, on another thread"}\n`,
      );
    }
    if (ahead !== undefined) return { code: ahead };
    const loaded = loadSucrase();
    let code: string;
    try {
      code = sucraseTransform(loaded.transform, input);
    } catch {
      return viaBabel();
    }
    // After a transform, so that the functions it compiled are in the cache.
    loaded.persist();
    return { code };
  };
}

/** jiti asks for a map through Babel's options (`sourceMaps: "inline"`). */
function wantsSourceMap(options: TransformOptions): boolean {
  return Boolean((options.babel as { sourceMaps?: unknown } | undefined)?.sourceMaps);
}
