// The package's build: bundled ES modules in dist/ (esbuild) and type declarations
// (tsc --emitDeclarationOnly). Bundling is for start-up: the sources are about 200
// modules and zod alone about 100, and Node's ESM loader pays per module; one chunk per
// shared piece loads in a fraction of the time. Every public entry point is an entry of
// one build with code splitting, so that `contrail` and `contrail/lint` share one
// instance of each module. Only the run-time dependencies that are optional or heavy
// (jiti, ts-morph, typescript, @viz-js/viz) stay outside, loaded when a command needs them.
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = resolve(root, "dist");

/** The package's entry points (see `exports` in package.json); the CLI is the CommonJS bundle below. */
export const ENTRY_POINTS = ["index", "lint/index", "import/index", "diff/index", "model/index", "graph/index"];

/**
 * zod's 60-odd message locales (360 KB, half of the bundled zod) are all reachable through
 * `z.locales`, so no bundler can drop them, and Node parses them on every start. contrail's
 * messages are English: the bundled copy's `z.locales` holds `en` only. (A user who wants
 * another locale configures their own zod.)
 */
const englishOnlyZodLocales = {
  name: "english-only-zod-locales",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
        ? { path: resolve(args.resolveDir, "../locales/en.js"), namespace: "zod-en" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS.map((entry) => `src/${entry}.ts`),
  outdir: "dist",
  outbase: "src",
  // Chunks one folder deep, like src/cli/: a module that finds a sibling file through
  // `new URL("../x", import.meta.url)` finds it from its chunk too.
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["jiti", "ts-morph", "typescript", "@viz-js/viz"],
  // Bundled CommonJS (yaml's Node build) calls require(); give ES modules one.
  banner: {
    js: 'import { createRequire as __contrailCreateRequire } from "node:module"; const require = __contrailCreateRequire(import.meta.url);',
  },
  legalComments: "linked",
  plugins: [englishOnlyZodLocales],
  logLevel: "warning",
});
// The CLI, as one CommonJS file that bin/sdk.js runs through V8's code cache (cli/boot.ts,
// load/code-cache.ts): a warm start deserializes bytecode instead of compiling. There is no
// ES-module build of it. `import.meta.url` is the bundle's own URL (in dist/cli/, one folder
// deep like the chunks, so that `new URL("../x", import.meta.url)` finds the same files). The user's pipeline.ts
// gets this bundle's copy of the library as `contrail` (load/load-pipeline.ts).
await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli/main.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["jiti", "ts-morph", "typescript", "@viz-js/viz"],
  define: { "import.meta.url": "__contrailModuleUrl" },
  // `import()` of the packages left outside (ts-morph, @viz-js/viz) becomes `require()`: a
  // script run by `vm` has no module loader of its own without an experimental hook, and
  // each of them has a CommonJS entry.
  supported: { "dynamic-import": false },
  banner: { js: 'var __contrailModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  minifyWhitespace: true,
  legalComments: "linked",
  plugins: [englishOnlyZodLocales],
  logLevel: "warning",
});
// The first run's transpiling worker (load/pretranspile.ts), which boot.js starts.
await build({
  absWorkingDir: root,
  entryPoints: ["src/load/pretranspile-worker.ts"],
  outfile: "dist/load/pretranspile-worker.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  define: { "import.meta.url": "__contrailModuleUrl" },
  banner: { js: 'var __contrailModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
});
// The bin's loader of that bundle: node: modules and the private-cache checks only.
await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/boot.ts"],
  outfile: "dist/cli/boot.js",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
/**
 * The parts of sucrase that load/transpile.ts never reaches, left out of its bundle: it
 * always asks for `imports` (so the ES-module transformer is never made), never for `jsx`,
 * `flow`, `jest` or `react-hot-loader`, and passes fixed options (so their run-time check
 * with ts-interface-checker, 20 KB and 4 ms of a first run, checks nothing). Each stand-in
 * throws if it is ever constructed, so a future option that needs one fails loudly (and
 * transpile.ts falls back to Babel). About 60 KB less for V8 to parse on a first run.
 */
const SUCRASE_UNUSED = {
  "ts-interface-checker": "exports.createCheckers = () => ({ Options: { strictCheck() {} } });",
  "./Options-gen-types": "exports.default = {};",
  "./ESMImportTransformer": unusedTransformer("ESMImportTransformer"),
  "./FlowTransformer": unusedTransformer("FlowTransformer"),
  "./JestHoistTransformer": unusedTransformer("JestHoistTransformer"),
  "./ReactDisplayNameTransformer": unusedTransformer("ReactDisplayNameTransformer"),
  "./ReactHotLoaderTransformer": unusedTransformer("ReactHotLoaderTransformer"),
  // getNonTypeIdentifiers uses this one helper of the JSX transformer.
  "./JSXTransformer": `${unusedTransformer("JSXTransformer")}
exports.startsWithLowerCase = (s) => { const c = s.charCodeAt(0); return c >= 97 && c <= 122; };`,
  "../transformers/JSXTransformer": "exports.startsWithLowerCase = (s) => { const c = s.charCodeAt(0); return c >= 97 && c <= 122; };",
};

function unusedTransformer(name) {
  return `exports.__esModule = true; exports.default = class { constructor() { throw new Error("contrail's bundled sucrase has no ${name}"); } };`;
}

const sucraseWithoutUnused = {
  name: "sucrase-without-unused",
  setup(build) {
    build.onResolve({ filter: /^(ts-interface-checker|\.\.?\/.*(Transformer|Options-gen-types))$/ }, (args) => {
      const fromSucrase = /[\\/]sucrase[\\/]dist([\\/]|$)/.test(args.resolveDir);
      return fromSucrase && args.path in SUCRASE_UNUSED ? { path: args.path, namespace: "sucrase-unused" } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: "sucrase-unused" }, (args) => ({ contents: SUCRASE_UNUSED[args.path], loader: "js" }));
  },
};

// sucrase (a devDependency), bundled into one CommonJS file that load/transpile.ts requires
// only when jiti transpiles a pipeline.ts (a cache miss): one file loads faster than its
// 90 modules, and an install needs no sucrase of its own (nor its glob, commander, mz...).
await build({
  absWorkingDir: root,
  stdin: { contents: 'module.exports = { transform: require("sucrase").transform };', resolveDir: root, loader: "js" },
  outfile: "dist/vendor/sucrase.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  legalComments: "linked",
  plugins: [sucraseWithoutUnused],
  logLevel: "warning",
});
// sucrase's MIT licence goes with the copy of its code.
const sucraseDir = dirname(createRequire(import.meta.url).resolve("sucrase/package.json"));
copyFileSync(resolve(sucraseDir, "LICENSE"), resolve(dist, "vendor/sucrase.LICENSE"));
// The workspace's TypeScript, found from here (so that the build needs no PATH set up).
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
