/**
 * Mapping artifacts without being told, where it is obvious: the pipeline file sits in a git
 * checkout, and a git resource's `uri` is that checkout's remote, so what a `get` of that
 * resource fetches is (a version of) the checkout itself.
 *
 * @see https://github.com/concourse/git-resource#source-configuration
 */
import { dirname, resolve } from "node:path";
import { arr, obj, text } from "../lint/values.ts";
import { walkJobSteps } from "../lint/walk.ts";

/** How {@link findGitCheckout} reads the disk. */
export interface GitIo {
  /** Reads a UTF-8 file; throws when it cannot (a directory included). */
  readFile(path: string): string;
  exists(path: string): boolean;
}

/** A git checkout: its root folder and the URLs of its remotes. */
export interface GitCheckout {
  readonly root: string;
  readonly remotes: readonly string[];
}

/** One artifact mapped to a folder without an `--artifact` flag. */
export interface AutoMapping {
  readonly artifact: string;
  readonly folder: string;
  /** The git resource whose uri matched. */
  readonly resource: string;
  /** The remote it matched. */
  readonly remote: string;
}

/** The checkout that holds `file`, if any: the nearest folder with a `.git` (dir or worktree file). */
export function findGitCheckout(file: string, io: GitIo): GitCheckout | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const dotGit = resolve(dir, ".git");
    if (io.exists(dotGit)) return { root: dir, remotes: readRemotes(dotGit, io) };
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The remote URLs in a checkout's git config (a worktree's `.git` file points at it). */
function readRemotes(dotGit: string, io: GitIo): string[] {
  let configPath = resolve(dotGit, "config");
  try {
    // A linked worktree or submodule: `.git` is a file `gitdir: PATH`.
    const gitdir = /^gitdir:\s*(.+)$/m.exec(io.readFile(dotGit))?.[1]?.trim();
    if (gitdir) {
      const dir = resolve(dirname(dotGit), gitdir);
      const common = resolve(dir, "commondir");
      configPath = io.exists(common) ? resolve(dir, io.readFile(common).trim(), "config") : resolve(dir, "config");
    }
  } catch {
    // A directory: the config is inside it.
  }
  let config: string;
  try {
    config = io.readFile(configPath);
  } catch {
    return [];
  }
  const remotes: string[] = [];
  let inRemote = false;
  for (const line of config.split("\n")) {
    const section = /^\s*\[([^\]]+)\]/.exec(line);
    if (section) inRemote = /^remote\s+"/.test(section[1] ?? "");
    const url = inRemote ? /^\s*url\s*=\s*(.+?)\s*$/.exec(line)?.[1] : undefined;
    if (url) remotes.push(url);
  }
  return remotes;
}

/**
 * A git URL reduced to `host/path` (lower case, no user, port, `.git` or trailing slash), so
 * that `https://github.com/o/r.git`, `git@github.com:o/r` and `ssh://git@github.com/o/r`
 * compare equal. Undefined for what is not a URL (a `((var))`, a local path).
 */
export function normaliseGitUrl(uri: string): string | undefined {
  const u = uri.trim();
  if (u === "" || u.includes("((")) return undefined;
  let host: string;
  let path: string;
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?\/(.*)$/i.exec(u);
  const scp = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)(.*)$/.exec(u);
  if (url) [host, path] = [url[1] ?? "", url[2] ?? ""];
  else if (scp) [host, path] = [scp[1] ?? "", scp[2] ?? ""];
  else return undefined;
  path = path
    .replace(/\/+$/, "")
    .replace(/\.git$/i, "")
    .replace(/^\/+/, "");
  if (host === "" || path === "") return undefined;
  return `${host.toLowerCase()}/${path.toLowerCase()}`;
}

/**
 * The artifacts of gets of git resources whose uri is one of the checkout's remotes, each
 * mapped to the checkout's root. Artifacts in `except` (given explicitly) are left out.
 */
export function autoMapArtifacts(config: unknown, checkout: GitCheckout, except: ReadonlySet<string> = new Set()): AutoMapping[] {
  const remotes = new Map<string, string>();
  for (const r of checkout.remotes) {
    const n = normaliseGitUrl(r);
    if (n) remotes.set(n, r);
  }
  const matching = new Map<string, string>();
  for (const value of arr(obj(config)?.resources)) {
    const resource = obj(value);
    if (!resource || text(resource.type) !== "git") continue;
    const n = normaliseGitUrl(text(obj(resource.source)?.uri));
    const remote = n === undefined ? undefined : remotes.get(n);
    if (remote !== undefined) matching.set(text(resource.name), remote);
  }
  const out: AutoMapping[] = [];
  if (matching.size === 0) return out;
  const seen = new Set<string>();
  for (const value of arr(obj(config)?.jobs)) {
    const job = obj(value);
    if (!job) continue;
    walkJobSteps(job, "get", (step) => {
      const artifact = text(step.get);
      const resource = text(step.resource) || artifact;
      const remote = matching.get(resource);
      if (remote === undefined || seen.has(artifact) || except.has(artifact)) return;
      seen.add(artifact);
      out.push({ artifact, folder: checkout.root, resource, remote });
    });
  }
  return out;
}
