#!/usr/bin/env node
// Committed entry point for the `sdk` and `contrail` bins. It must work on a fresh clone
// with no build step, so it runs the TypeScript sources through jiti (a pure-JS loader
// that shares module instances with the user's pipeline.ts). A published package that
// ships a compiled dist/ uses that instead.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const distMain = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const srcMain = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));

let main;
if (existsSync(srcMain)) {
  const { loadSourceModule } = await import("./load-source.js");
  ({ main } = await loadSourceModule(srcMain));
} else {
  ({ main } = await import(distMain));
}
process.exitCode = await main(process.argv.slice(2));
