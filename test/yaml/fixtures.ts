/**
 * The project's own YAML (examples, test fixtures, goldens), as inputs for the fast reader's
 * agreement tests: nothing outside this repository.
 */
import * as fs from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "../helpers/paths.ts";

function walk(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(path);
  }
  return out;
}

/** Every `*.yml` and `*.yaml` file under packages/examples and test/, with its text. */
export function projectYamlFiles(): Array<{ readonly name: string; readonly text: string }> {
  const files = [...walk(join(repoRoot, "packages/examples"), []), ...walk(join(repoRoot, "test"), [])].sort();
  return files.map((path) => ({ name: relative(repoRoot, path), text: fs.readFileSync(path, "utf8") }));
}
