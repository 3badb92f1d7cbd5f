/**
 * How a pipeline's source file is named in the generated header. Relative to the
 * repository's root (the nearest folder with `.git`), so that rendering from any folder of
 * the repository gives the same bytes and `sdk render --check` does not depend on where it
 * runs; relative to the working directory outside a repository.
 */
import { dirname, join, relative, resolve } from "node:path";
import type { Io } from "../io/io.ts";

/** The header's name for `file` (a path as the user gave it). */
export function sourceName(io: Io, file: string): string {
  const path = resolve(io.cwd, file);
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (io.exists(join(dir, ".git"))) return relative(dir, path).split("\\").join("/");
    if (dirname(dir) === dir) break;
  }
  return (relative(io.cwd, path) || file).split("\\").join("/");
}
