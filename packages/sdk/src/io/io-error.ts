/**
 * A file system error that escaped a command (a write to a full or read-only disk, a folder
 * where a file was expected), as one line naming the path, the problem and the fix: such
 * errors are about the machine, not a bug in contrail.
 */
import { isInstance } from "../diagnostics/thrown.ts";

const PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device; free some space and run again",
  EDQUOT: "the disk quota is exhausted; free some space and run again",
  EROFS: "the file system is read-only; write somewhere else",
  EACCES: "permission denied; check the path's mode and owner, or write somewhere else",
  EPERM: "operation not permitted; check the path's mode and owner, or write somewhere else",
  EISDIR: "is a directory; give a file name",
  ENOTDIR: "a part of the path is not a directory; check the path",
  ENOENT: "no such file or directory; check the path",
  EIO: "input/output error; check the device, or write somewhere else",
  EEXIST: "already exists; remove it or choose another name",
  ENAMETOOLONG: "the name is too long; choose a shorter one",
  EMFILE: "too many open files; close some and run again",
  EXDEV: "cannot move across file systems; write on the same file system",
};

/** The one line for a Node file system error, or undefined when `error` is not one. */
export function describeIoError(error: unknown): string | undefined {
  if (!isInstance(error, Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (code === undefined || syscall === undefined) return undefined;
  const problem = PROBLEMS[code] ?? `${syscall} failed (${code})`;
  return path ? `${path}: ${problem}.` : `${syscall} failed: ${problem}.`;
}
