/**
 * Where the shared test data lives: `../shared` next to the repository (or `$CONTRAIL_SHARED`).
 * Missing data is a failure, never a skip.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The shared folder; throws when it is missing. */
export function sharedDir(): string {
  const dir = process.env.CONTRAIL_SHARED ?? path.resolve(repoRoot, "../shared");
  if (!existsSync(dir)) throw new Error(`shared test data not found at ${dir} (set CONTRAIL_SHARED to its location)`);
  return dir;
}
