/**
 * Writing an output file so that no reader ever sees half of it and a failed write loses
 * nothing: the text goes to a private temporary file in the same folder (mode 0600,
 * created exclusively), is flushed to disk, takes the mode of the file it replaces, and is
 * renamed over it in one step. On any failure the temporary file is removed, the old file
 * is as it was, and the error is one line naming the file.
 *
 * @see https://man7.org/linux/man-pages/man2/rename.2.html
 */
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";
import { CliError, ExitCode } from "./errors.ts";

/** The file operations an atomic write needs (node:fs; tests inject failures). */
export type WriteFs = Pick<
  typeof nodeFs,
  "mkdirSync" | "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "statSync" | "chmodSync" | "renameSync" | "rmSync"
>;

/** What a Node error code means, in a few words, for the one-line message. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ENOENT: "its folder does not exist",
  ENXIO: "it is a FIFO that nothing reads from",
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
}

/**
 * Writes `content` to `path` atomically. `shown` is how the file is named in an error.
 * Throws a {@link CliError} (exit 2) that says whether the old file is unchanged.
 */
export function writeFileAtomic(path: string, content: string, shown: string = path, fs: WriteFs = nodeFs): void {
  const dir = dirname(path);
  let existing: nodeFs.Stats | undefined;
  try {
    existing = fs.statSync(path);
  } catch {
    existing = undefined;
  }
  const fail = (error: unknown): never => {
    const kept = existing ? `${shown} is unchanged` : "nothing was written";
    throw new CliError(`error: cannot write ${shown}: ${reasonOf(error)}; ${kept}.`, ExitCode.usage);
  };
  if (existing?.isDirectory()) fail(Object.assign(new Error("is a directory"), { code: "EISDIR" }));
  // A device, pipe or socket (`-o /dev/stdout`, `/dev/full`) is written to, never replaced:
  // renaming a file over it would swap the device node for a regular file.
  if (existing !== undefined && !existing.isFile()) {
    writeInPlace(path, content, existing.isFIFO(), fail, fs);
    return;
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    // mkdir -p says EEXIST when a part of the folder's path is a file.
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === "EEXIST" ? Object.assign(new Error("not a directory"), { code: "ENOTDIR" }) : error);
  }
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, "wx", 0o600);
    const bytes = Buffer.from(content, "utf8");
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // A replaced file keeps its mode; a new one gets the usual 0666 less the umask.
    fs.chmodSync(temp, existing ? existing.mode & 0o7777 : 0o666 & ~process.umask());
    fs.renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing; the write's own error is the one to report.
      }
    }
    fs.rmSync(temp, { force: true });
    fail(error);
  }
}

/**
 * Writes `content` straight into an existing special file. Opening a FIFO for writing waits
 * until something opens it for reading, forever if nothing will (a hung CI job): so it is
 * first opened without waiting, which fails at once (ENXIO) when no one reads it
 * (https://man7.org/linux/man-pages/man7/fifo.7.html).
 */
function writeInPlace(path: string, content: string, fifo: boolean, fail: (error: unknown) => never, fs: WriteFs): void {
  let fd: number | undefined;
  let probe: number | undefined;
  try {
    // The probe stays open until the real descriptor is: a reader never sees no writer (EOF).
    if (fifo) probe = fs.openSync(path, nodeFs.constants.O_WRONLY | nodeFs.constants.O_NONBLOCK);
    fd = fs.openSync(path, "w");
    if (probe !== undefined) fs.closeSync(probe);
    probe = undefined;
    const bytes = Buffer.from(content, "utf8");
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    fail(error);
  } finally {
    for (const open of [probe, fd]) {
      if (open === undefined) continue;
      try {
        fs.closeSync(open);
      } catch {
        // The write's own outcome is what counts.
      }
    }
  }
}
