/**
 * Runs a CommonJS file with a V8 code cache: the CLI's bundle (dist/cli/main.cjs, one cache
 * per command) and jiti (load/jiti-loader.ts), so that a start deserializes the bytecode of
 * the functions the last run compiled instead of parsing and compiling ~1.6 MB of
 * JavaScript again. Node 20 has no
 * `module.enableCompileCache`; `vm.Script` with `cachedData` is what it offers
 * (https://nodejs.org/docs/latest-v20.x/api/vm.html#scriptcreatecacheddata).
 *
 * V8 runs cached bytecode without checking it against the source beyond its length, and
 * Node 20's V8 checks no checksum of it either: one flipped byte ends the process in the
 * deserializer (`V8_Fatal ... unreachable code`, tried). So the cache is treated like code: it lives only in the private cache folder
 * (load/private-cache.ts: the user's own 0700 folder, or none), is named after the bundle's
 * content hash, Node's version and flags, and a name (each command caches what it ran);
 * a file is read only when it is a plain file of the user's own with mode 0600, opened
 * without following a symbolic link, and only when the SHA-1 stored in front of it matches
 * its bytes (a torn or corrupted file is never handed to V8). A cache that is missing, refused
 * or rejected by V8 (`script.cachedDataRejected`: another V8, other flags) is written anew
 * after the command ran, so that the functions compiled lazily during the run are in it,
 * through a new 0600 file renamed into place (on the second run: the first leaves an empty
 * placeholder). Caches of other bundles are removed then.
 * `CONTRAIL_NO_CACHE=1` switches all of this off.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import vm from "node:vm";
import { choosePrivateCache } from "./private-cache.ts";

/** What became of the code cache in this run (for tests and `CONTRAIL_DEBUG`). */
export type CodeCacheState = "used" | "written" | "placeholder" | "rejected" | "refused" | "none";

/** A bundle compiled and run, and the step that stores its code cache once the command ran. */
export interface CachedBundle {
  /** The bundle's `module.exports`. */
  readonly exports: unknown;
  /** How the cache was used when compiling: `used`, `rejected` (by V8), `refused` (not trusted) or `none`. */
  readonly loaded: CodeCacheState;
  /** Writes the cache (a placeholder on the first run) when it was not used, once; returns what it wrote. Never throws. */
  persist(): CodeCacheState;
}

/** The prefix of every code cache file, so that stale ones can be found and removed. */
const PREFIX = "code-";
const SUFFIX = ".v8";
const DIGEST_BYTES = 20;

/** The module wrapper Node uses for CommonJS, so that the bundle runs as `require` would run it. */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;

function sha1(data: string | Uint8Array): Buffer {
  return createHash("sha1").update(data).digest();
}

/**
 * The cache file's name: `name` (the command, `jiti`), the bundle's hash, Node's version,
 * architecture and the flags V8 was started with (V8 rejects a cache made under other flags).
 */
export function codeCacheName(source: string, command: string): string {
  const flags = sha1([process.execArgv.join(" "), process.env.NODE_OPTIONS ?? ""].join("\n"))
    .toString("hex")
    .slice(0, 8);
  const name = /^[a-z][a-z-]{0,19}$/.test(command) ? command : "other";
  return `${PREFIX}${name}-${sha1(source).toString("hex").slice(0, 16)}-${process.version}-${process.arch}-${flags}${SUFFIX}`;
}

/**
 * What is at a cache file's place: `missing`; a `placeholder` (the empty file a first run
 * leaves); `untrusted` (a link, someone else's file, one open to others, or one whose bytes
 * do not match the digest stored in front of them: torn or corrupted); or the cache's bytes.
 */
export type CacheFile = "missing" | "placeholder" | "untrusted" | { readonly data: Buffer };

/** Reads the cache at `path`, opened without following a link; see {@link CacheFile}. */
export function readTrustedCache(path: string): CacheFile {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "untrusted";
  }
  try {
    const stat = fs.fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o077) !== 0) return "untrusted";
    if (stat.size === 0) return "placeholder";
    const bytes = fs.readFileSync(fd);
    const data = bytes.subarray(DIGEST_BYTES);
    if (bytes.length <= DIGEST_BYTES || !sha1(data).equals(bytes.subarray(0, DIGEST_BYTES))) return "untrusted";
    return { data };
  } catch {
    return "untrusted";
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `data` (with its digest; nothing for a placeholder) as a new 0600 file renamed over `path`, and removes caches of other bundles. */
function writeCache(dir: string, path: string, data: Buffer | undefined): boolean {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    // `wx`: a file (or link) already at the temporary name is an error, never followed.
    const fd = fs.openSync(temp, "wx", 0o600);
    try {
      if (data !== undefined) {
        fs.writeSync(fd, sha1(data));
        fs.writeSync(fd, data);
      }
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path);
  } catch {
    fs.rmSync(temp, { force: true });
    return false;
  }
  const keep = path.slice(dir.length + 1);
  const command = keep.slice(PREFIX.length, keep.indexOf("-", PREFIX.length));
  for (const name of fs.readdirSync(dir)) {
    if (name !== keep && name.startsWith(`${PREFIX}${command}-`) && name.endsWith(SUFFIX)) fs.rmSync(join(dir, name), { force: true });
  }
  return true;
}

/** Options of {@link runCachedBundle}. */
export interface RunBundleOptions {
  /**
   * Called once the cache was looked for, before the bundle is compiled, with what was at
   * its place (`found` for cache bytes): the bin starts work for another core when a long
   * compile is ahead (load/pretranspile.ts).
   */
  readonly beforeCompile?: (found: "found" | Exclude<CacheFile, { readonly data: Buffer }>) => void;
}

/**
 * Compiles and runs the CommonJS file `file` (its cache named `command`), with the code cache
 * from the private cache folder `env` names when there is a trusted one.
 */
export function runCachedBundle(
  file: string,
  command: string,
  env: Readonly<Record<string, string | undefined>>,
  options: RunBundleOptions = {},
): CachedBundle {
  const source = fs.readFileSync(file, "utf8");
  const choice = choosePrivateCache(env);
  const dir = choice.dir === false ? undefined : choice.dir;
  const path = dir === undefined ? undefined : join(dir, codeCacheName(source, command));
  const found: CacheFile = path === undefined ? "missing" : readTrustedCache(path);
  options.beforeCompile?.(typeof found === "object" ? "found" : found);
  const cached = typeof found === "object" ? found.data : undefined;
  const script = new vm.Script(wrap(source), {
    filename: file,
    // No `importModuleDynamically`: the bundle has no `import()` (scripts/build.mjs).
    ...(cached ? { cachedData: cached } : {}),
  });
  const loaded: CodeCacheState =
    typeof found === "object" ? (script.cachedDataRejected ? "rejected" : "used") : found === "untrusted" ? "refused" : "none";
  const module = { exports: {} as unknown };
  let persisted = false;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    loaded,
    persist: () => {
      if (dir === undefined || path === undefined || loaded === "used" || persisted) return "none";
      persisted = true;
      try {
        // The very first run (right after install) leaves only a placeholder: serializing the
        // code costs 20-35 ms, which the second run pays instead, and a command run once
        // never pays.
        if (found === "missing") return writeCache(dir, path, undefined) ? "placeholder" : "none";
        return writeCache(dir, path, script.createCachedData()) ? "written" : "none";
      } catch {
        return "none";
      }
    },
  };
}
