/**
 * An {@link Io} for CLI tests: real files (so pipeline.ts files load), captured output, no
 * processes unless a test supplies `exec`.
 */
import * as fs from "node:fs";
import { dirname, resolve } from "node:path";
import type { ExecOptions, ExecResult, Io } from "../../packages/sdk/src/io/io.ts";

/** A test Io plus what the command printed. */
export interface CapturedIo extends Io {
  readonly out: string;
  readonly err: string;
}

/** Makes a test Io rooted at `cwd`: relative paths are read and written against it, as in `nodeIo`. */
export function captureIo(
  cwd: string,
  options: {
    env?: Record<string, string | undefined>;
    exec?: (command: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;
  } = {},
): CapturedIo {
  let out = "";
  let err = "";
  const at = (path: string): string => resolve(cwd, path);
  return {
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    cwd,
    env: options.env ?? {},
    isTTY: false,
    readFile: (path) => fs.readFileSync(at(path), "utf8"),
    writeFile: (path, content) => {
      fs.mkdirSync(dirname(at(path)), { recursive: true });
      fs.writeFileSync(at(path), content);
    },
    exists: (path) => fs.existsSync(at(path)),
    // As nodeIo: task files behind a link out of their artifact's folder are not followed.
    realPath: (path) => fs.realpathSync(at(path)),
    isDirectory: (path) => fs.statSync(at(path), { throwIfNoEntry: false })?.isDirectory() ?? false,
    readDir: (path) => fs.readdirSync(at(path)).sort(),
    exec:
      options.exec ??
      (async () => {
        throw new Error("this test does not expect a process to be started");
      }),
  };
}
