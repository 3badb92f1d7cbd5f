/**
 * Where things are: the repo root, and the shared reference material beside it
 * (`../shared`, or CONTRAIL_SHARED). Tests that need the shared folder fail when it is
 * missing rather than skip, so a broken checkout cannot pass.
 */
import * as fs from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The shared folder (corpus, lint cases, seed), checked to exist. */
export function sharedDir(): string {
  const dir = process.env.CONTRAIL_SHARED ?? resolve(repoRoot, "../shared");
  if (!fs.existsSync(resolve(dir, "corpus"))) {
    throw new Error(`The shared reference folder is missing at ${dir}; set CONTRAIL_SHARED to its path.`);
  }
  return dir;
}
