/**
 * Global setup of `pnpm test`: the `sdk` bin runs the compiled dist/, so tests that start
 * it as a user does would test stale code after an edit. Rebuilds dist/ (the package's own
 * build) when a source file is newer than it, or when it is missing.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { join, resolve } from "node:path";
import { repoRoot } from "./paths.ts";

const sdk = resolve(repoRoot, "packages/sdk");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Vitest global setup. */
export default function buildDist(): void {
  const built = join(sdk, "dist/cli/main.cjs");
  const sources = Math.max(newestMtime(join(sdk, "src")), fs.statSync(join(sdk, "scripts/build.mjs")).mtimeMs);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(sdk, "scripts/build.mjs")], { cwd: sdk, stdio: "inherit" });
}
