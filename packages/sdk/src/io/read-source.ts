/**
 * Reading the pipeline files the user names (`sdk lint`, `sdk graph`, `sdk import`): every
 * way a read can fail becomes one line naming the file, the problem and the fix (exit 2),
 * a file larger than the size limit is refused before it is parsed (the YAML reader needs
 * many times a file's size in memory), and bytes that are not UTF-8 are refused as go-yaml
 * refuses them.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { invalidUtf8 } from "../yaml/utf8.ts";
import { CliError, ExitCode, UsageError } from "./errors.ts";
import type { Io } from "./io.ts";

/** The largest file read unless `--max-size` says otherwise, in megabytes. */
export const DEFAULT_MAX_SIZE_MB = 8;

/** The `--max-size MB` flag. */
export const MAX_SIZE_OPTION = { "max-size": { type: "string" } } as const;

/** One help line for {@link MAX_SIZE_OPTION}. */
export const MAX_SIZE_USAGE = `  --max-size MB       refuse files larger than MB megabytes (default ${DEFAULT_MAX_SIZE_MB})`;

/** The size limit in bytes from `--max-size`; a value that is not a positive number is a usage error. */
export function maxSizeBytes(command: string, flag: string | undefined): number {
  if (flag === undefined) return DEFAULT_MAX_SIZE_MB * 1024 * 1024;
  const mb = Number(flag);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new UsageError(`sdk ${command}: --max-size takes a number of megabytes greater than 0 (got '${flag}')`);
  return Math.floor(mb * 1024 * 1024);
}

/** A file's text, or go-yaml's refusal of its bytes. */
export interface SourceText {
  readonly text: string;
  /** Set when the bytes are not UTF-8: go-yaml's message and the 1-based line and column. */
  readonly invalid?: { readonly message: string; readonly line: number; readonly column: number } | undefined;
}

/** Why a read failed, as a user can act on it. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file; check the path";
    case "EISDIR":
      return "is a directory; give the pipeline file inside it";
    case "EACCES":
    case "EPERM":
      return "permission denied; check the file's mode and owner";
    case "ELOOP":
      return "too many symbolic links; give the file itself";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "EMFILE":
    case "ENFILE":
      return "too many open files; close some and run again";
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/**
 * Reads `path` (shown as `shown`) for `sdk <command>`. Throws a {@link CliError} (exit 2)
 * when it cannot be read or is larger than `maxBytes`.
 */
export function readSource(io: Io, command: string, path: string, shown: string, maxBytes: number): SourceText {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new CliError(`sdk ${command}: ${shown}: ${describeReadError(error)}.`, ExitCode.usage);
  }
  // A string's length is at most its UTF-8 size, and at least a third of it: a cheap bound
  // before the exact count.
  if (text.length > maxBytes / 3 && Buffer.byteLength(text) > maxBytes) {
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new CliError(
      `sdk ${command}: ${shown}: too large (${mb(Buffer.byteLength(text))}; the limit is ${mb(maxBytes)}). Split the pipeline, or give --max-size MB to raise the limit.`,
      ExitCode.usage,
    );
  }
  // Node replaced invalid bytes with U+FFFD; only then are the bytes worth a second look.
  if (!text.includes("\uFFFD")) return { text };
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(resolve(io.cwd, path));
  } catch {
    return { text };
  }
  const bad = invalidUtf8(bytes);
  if (bad === undefined) return { text };
  const before = Buffer.from(bytes.subarray(0, bad.offset)).toString("utf8");
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.split("\n").length;
  return { text, invalid: { message: bad.message, line, column: before.length - lineStart + 1 } };
}
