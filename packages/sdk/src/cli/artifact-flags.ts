/**
 * `--artifact NAME=DIR` (repeatable), shared by `lint`, `render`, `graph` and `import`: the
 * artifact NAME holds the local folder DIR, so that `file: NAME/ci/task.yml` is read from
 * `DIR/ci/task.yml`.
 */
import { resolve } from "node:path";
import { UsageError } from "../io/errors.ts";
import type { Io } from "../io/io.ts";

/** The flag, for `parseCommandArgs`. */
export const ARTIFACT_FLAG = { artifact: { type: "string", multiple: true, default: [] as string[] } } as const;

/** The flag's lines in a command's help, with the flag and its text at the given columns. */
export function artifactUsage(flagColumn: number, textColumn: number): string {
  const text = " ".repeat(textColumn);
  return `${" ".repeat(flagColumn)}--artifact NAME=DIR\n${text}the artifact NAME holds the folder DIR: task files\n${text}(file: NAME/path.yml) are read from it and checked (repeatable)`;
}

const NAME = /^[^\s/=]+$/;

/** Parses `--artifact` values into artifact name to absolute folder; usage errors name the fix. */
export function parseArtifactFlags(command: string, values: readonly string[] | undefined, io: Io): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const eq = value.indexOf("=");
    const name = value.slice(0, eq);
    const dir = value.slice(eq + 1);
    if (eq <= 0 || dir === "" || !NAME.test(name)) {
      throw new UsageError(`sdk ${command}: --artifact expects NAME=DIR (e.g. --artifact repo=.), got '${value}'`);
    }
    const path = resolve(io.cwd, dir);
    if (!io.exists(path)) throw new UsageError(`sdk ${command}: --artifact ${name}=${dir}: no such folder`);
    if (Object.hasOwn(out, name) && out[name] !== path) {
      throw new UsageError(`sdk ${command}: --artifact ${name} is given twice, with different folders`);
    }
    Object.defineProperty(out, name, { value: path, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
