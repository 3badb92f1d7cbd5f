/**
 * Scratch folders and checks shared by the hostile-input tests.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../helpers/paths.ts";

/** A scratch folder inside the repository (so that `contrail` resolves for type checks), removed by `dispose`. */
export class Scratch {
  readonly dir = fs.mkdtempSync(join(repoRoot, "test/hostile/.scratch-"));

  /** Writes a file and returns its path. */
  write(name: string, content: string | Uint8Array): string {
    const path = join(this.dir, name);
    fs.writeFileSync(path, content);
    return path;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Asserts nothing of contrail's internals leaked: no stack trace, no "This is a bug". */
export function noInternals(text: string): boolean {
  return !/\n\s+at |internal error|This is a bug|Maximum call stack|heap limit|FATAL ERROR/.test(text);
}
