/**
 * jiti, with its bundle's bytecode from the code cache (load/code-cache.ts).
 *
 * `require("jiti")` compiles jiti's 190 KB dist/jiti.cjs on every render (25-35 ms of CPU
 * on the machine this was measured on, a tenth of a render). jiti's entry (lib/jiti.cjs) is a
 * small wrapper that requires that file and hands it `import()`, `createRequire` and its
 * Babel; so the file is run here through the code cache and put in `require`'s module cache
 * under its own path, and the entry then loads as always and finds it there. Everything
 * jiti does stays jiti's; only the compile is skipped.
 */
import { createRequire, Module } from "node:module";
import { dirname, join } from "node:path";
import { type CachedBundle, runCachedBundle } from "./code-cache.ts";

type CreateJiti = typeof import("jiti").createJiti;

const require = createRequire(import.meta.url);

let loaded: { readonly createJiti: CreateJiti; readonly bundle: CachedBundle | undefined } | undefined;

/**
 * jiti's `createJiti`; its bundle is compiled with the code cache of the private cache
 * folder `env` names (none under `CONTRAIL_NO_CACHE`, or when jiti is laid out otherwise).
 */
export function loadJiti(env: Readonly<Record<string, string | undefined>>): CreateJiti {
  if (loaded) return loaded.createJiti;
  const entry = require.resolve("jiti");
  const bundleFile = join(dirname(entry), "../dist/jiti.cjs");
  let bundle: CachedBundle | undefined;
  if (require.cache[bundleFile] === undefined) {
    try {
      bundle = runCachedBundle(bundleFile, "jiti", env);
      const module = new Module(bundleFile);
      module.filename = bundleFile;
      module.exports = bundle.exports;
      module.loaded = true;
      require.cache[bundleFile] = module;
    } catch {
      // Laid out otherwise than jiti 2 is: its entry loads its bundle itself.
      bundle = undefined;
    }
  }
  const { createJiti } = require("jiti") as typeof import("jiti");
  loaded = { createJiti, bundle };
  return createJiti;
}

/** Writes jiti's code cache when this run had none (after a load, so that what ran is in it). */
export function persistJitiCache(): void {
  loaded?.bundle?.persist();
}
