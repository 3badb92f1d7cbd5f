/**
 * A private folder for jiti's cache of transpiled pipeline.ts files.
 *
 * jiti's default cache is the shared `$TMPDIR/jiti` with 0644 files: a transpiled
 * pipeline.ts with an inline secret is readable by every local user there, and a `jiti`
 * folder someone else created first lets them plant code that runs as whoever runs `sdk`
 * next (issue 13). So contrail keeps the cache in a folder of the user's own
 * (`$CONTRAIL_CACHE_DIR`, else `$XDG_CACHE_HOME/contrail/jiti`, else
 * `~/.cache/contrail/jiti`), created 0700, and refuses (and transpiles without a cache)
 * a folder that is not a plain directory, is owned by someone else, or that others can
 * read or write. contrail's own code never goes through this cache: the CLI runs compiled
 * JavaScript and hands the user's file its own `contrail` module.
 */
import * as fs from "node:fs";
import { join } from "node:path";

/** Where the cache goes, or why there is none (a warning for the user, or none when switched off). */
export type CacheChoice = { readonly dir: string } | { readonly dir: false; readonly warning?: string };

/** Mode bits that give anyone but the owner access. */
const GROUP_OR_OTHER = 0o077;

/** The cache folder for this user, from the environment; undefined when there is no home. */
export function cacheDirFor(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.CONTRAIL_CACHE_DIR) return env.CONTRAIL_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "contrail", "jiti");
  if (env.HOME) return join(env.HOME, ".cache", "contrail", "jiti");
  return undefined;
}

/**
 * Creates (0700) or checks the cache folder. `CONTRAIL_NO_CACHE=1` switches the cache off.
 * Never throws: a folder that cannot be used gives no cache and a warning naming the fix.
 */
export function choosePrivateCache(env: Readonly<Record<string, string | undefined>>): CacheChoice {
  if (env.CONTRAIL_NO_CACHE === "1" || env.CONTRAIL_NO_CACHE === "true") return { dir: false };
  const dir = cacheDirFor(env);
  if (dir === undefined) return { dir: false };
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return refuse(dir, `it cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const problem = whyNotPrivate(dir);
  return problem === undefined ? { dir } : refuse(dir, problem);
}

/** Why `dir` is not a folder only this user can use, or undefined when it is. */
export function whyNotPrivate(dir: string): string | undefined {
  const stat = fs.lstatSync(dir);
  if (stat.isSymbolicLink()) return "it is a symbolic link";
  if (!stat.isDirectory()) return "it is not a directory";
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) return `it is owned by uid ${stat.uid}, not by you (uid ${uid})`;
  if ((stat.mode & GROUP_OR_OTHER) !== 0) {
    return `its mode is ${(stat.mode & 0o777).toString(8).padStart(4, "0")}, so others can use it (it must be 0700)`;
  }
  return undefined;
}

/** The file operations {@link tightenCacheFiles} uses (node:fs; a test gives a racing one). */
export interface CacheFileSystem {
  readdirSync(dir: string): string[];
  lstatSync(path: string): Pick<fs.Stats, "isFile" | "uid" | "mode">;
  chmodSync(path: string, mode: number): void;
}

/** The names in the cache folder now (none when it cannot be read), for {@link tightenCacheFiles}. */
export function cacheFileNames(dir: string, files: Pick<CacheFileSystem, "readdirSync"> = fs): ReadonlySet<string> {
  try {
    return new Set(files.readdirSync(dir));
  } catch {
    return new Set();
  }
}

/**
 * Makes every file jiti wrote into the cache 0600. jiti writes with the process's umask
 * (usually 0644); inside a 0700 folder nobody else could reach them, but a cache copied or
 * re-permissioned later should not leak either.
 *
 * `before` names the files that were there before this load ({@link cacheFileNames}): an
 * earlier load tightened those, and a cache of thousands of transpiled files costs a
 * stat each (20 ms per render at 2,000 files). jiti names a file by its source's path and
 * rewrites it in place when the source changes, which keeps the mode it already has. (A
 * load killed between jiti's write and this leaves one file with the umask's mode, still
 * inside the 0700 folder.)
 */
export function tightenCacheFiles(dir: string, files: CacheFileSystem = fs, before: ReadonlySet<string> = new Set()): void {
  const uid = process.getuid?.();
  let names: string[];
  try {
    names = files.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (before.has(name)) continue;
    const path = join(dir, name);
    // Other contrail processes write and replace files here at the same time (a code cache
    // renamed into place, a stale one removed): a file gone between the listing and its
    // stat is not an error, and nothing here may fail a command.
    try {
      const stat = files.lstatSync(path);
      if (stat.isFile() && (uid === undefined || stat.uid === uid) && (stat.mode & GROUP_OR_OTHER) !== 0) {
        files.chmodSync(path, 0o600);
      }
    } catch {
      // gone, or not ours to change: the next load looks again
    }
  }
}

function refuse(dir: string, reason: string): CacheChoice {
  return {
    dir: false,
    warning: `warning: not using the cache folder ${dir}: ${reason}. Loading without a cache (slower). Remove the folder, run 'chmod 700 ${dir}' if it is yours, or set CONTRAIL_CACHE_DIR to a folder of your own.`,
  };
}
