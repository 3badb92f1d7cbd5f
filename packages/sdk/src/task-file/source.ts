/**
 * Where `file: NAME/path/in/artifact.yml` leads: given the local folder of some artifacts
 * (`--artifact NAME=DIR`), the task file read from `DIR/path/in/artifact.yml`. Each file is
 * read and parsed once per run, whatever the number of steps that use it.
 *
 * No `fs` here: the caller injects how to read (the CLI passes its Io).
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { RuleSettings } from "../lint/codes.ts";
import { lintTaskFile, type TaskFile } from "./lint-task-file.ts";

/** How a {@link TaskFileSource} reaches files. */
export interface TaskFileIo {
  /** Reads a UTF-8 file; throws (ENOENT...) when it cannot. */
  readFile(path: string): string;
  /** True when the path exists. */
  exists(path: string): boolean;
  /**
   * The path with symlinks resolved; throws when it does not exist. Optional: without it,
   * paths are only normalised (and a symlink out of the artifact's folder is followed).
   */
  realPath?(path: string): string;
}

/** Options of {@link taskFileSource}. */
export interface TaskFileSourceOptions extends TaskFileIo {
  /** Artifact name to local folder (absolute, or relative to `cwd`). */
  readonly artifacts: Readonly<Record<string, string>>;
  /** The directory relative folders and shown paths are relative to; default `/`. */
  readonly cwd?: string;
  /** Rule settings applied to the task files' own diagnostics. */
  readonly rules?: RuleSettings;
}

/** A `file:` that resolved to a task file on disk. */
export interface ResolvedTaskFile {
  readonly kind: "resolved";
  /** The artifact the path starts with. */
  readonly artifact: string;
  /** The file as shown to the user (relative to `cwd`). */
  readonly path: string;
  /** The file, read and judged (shared by every step that uses it). */
  readonly taskFile: TaskFile;
}

/** A `file:` whose artifact is mapped but whose file is not there. */
export interface MissingTaskFile {
  readonly kind: "missing";
  readonly artifact: string;
  /** The path that was looked for, as shown to the user. */
  readonly path: string;
}

/**
 * A `file:` whose artifact is mapped but whose path leads out of the artifact's folder
 * (through `..`, or a symbolic link to somewhere else): not read, so that nothing outside the
 * folders the user named is (contrail runs in CI next to credentials).
 */
export interface OutsideTaskFile {
  readonly kind: "outside";
  readonly artifact: string;
  /** The path it leads to, as shown to the user. */
  readonly path: string;
}

/** What {@link TaskFileSource.lookup} finds. */
export type TaskFileLookup = ResolvedTaskFile | MissingTaskFile | OutsideTaskFile;

/**
 * Resolves task files. Used by lint (`LintOptions.taskFiles`), render and import.
 *
 * @see https://concourse-ci.org/task-step.html#schema.task.file
 */
export interface TaskFileSource {
  /** The artifact name to absolute folder mapping. */
  readonly artifacts: Readonly<Record<string, string>>;
  /**
   * The task file a step's `file:` names (`outside` when its path leads out of the artifact's
   * folder); undefined when the artifact is not mapped or the path is templated with `((vars))`.
   */
  lookup(file: string): TaskFileLookup | undefined;
  /**
   * Whether `pathInArtifact` exists in a mapped artifact; undefined when the artifact is not
   * mapped or the path leads out of its folder.
   */
  exists(artifact: string, pathInArtifact: string): boolean | undefined;
  /** Every task file read so far, by shown path (for code frames). */
  files(): ReadonlyMap<string, TaskFile>;
}

/** Splits `NAME/rest` as Concourse's `FileConfigSource` does; undefined for templated paths. */
export function splitArtifactPath(file: string): { artifact: string; rest: string } | undefined {
  if (file.includes("((")) return undefined;
  const slash = file.indexOf("/");
  if (slash <= 0 || slash === file.length - 1) return undefined;
  return { artifact: file.slice(0, slash), rest: file.slice(slash + 1) };
}

/** Builds a {@link TaskFileSource} over injected IO. */
export function taskFileSource(options: TaskFileSourceOptions): TaskFileSource {
  const cwd = options.cwd ?? "/";
  // A Map, so that an artifact named `__proto__` is just a name.
  const folders = new Map<string, string>();
  for (const [name, dir] of Object.entries(options.artifacts)) folders.set(name, isAbsolute(dir) ? resolve(dir) : resolve(cwd, dir));
  const artifacts: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(folders));
  const real = (path: string): string | undefined => {
    if (!options.realPath) return path;
    try {
      return options.realPath(path);
    } catch {
      return undefined;
    }
  };
  const realFolders = new Map<string, string | undefined>();
  const realFolder = (artifact: string, folder: string): string | undefined => {
    if (!realFolders.has(artifact)) realFolders.set(artifact, real(folder));
    return realFolders.get(artifact);
  };
  const inside = (dir: string, path: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

  /**
   * The absolute path of `rest` in the artifact, and its real path; `outside` when it
   * escapes the folder, undefined when the artifact is not mapped.
   */
  const place = (artifact: string, rest: string): { path: string; real: string | undefined; outside?: true } | undefined => {
    const folder = folders.get(artifact);
    if (folder === undefined) return undefined;
    const path = resolve(folder, rest);
    if (!inside(folder, path)) return { path, real: undefined, outside: true };
    const r = real(path);
    const rf = realFolder(artifact, folder);
    // A symlink that leads out of the artifact: not followed, so that nothing outside the
    // folders the user named is read (contrail runs in CI next to credentials).
    if (r !== undefined && rf !== undefined && !inside(rf, r)) return { path, real: undefined, outside: true };
    return { path, real: r };
  };

  const byRealPath = new Map<string, TaskFile | null>();
  const byFile = new Map<string, TaskFileLookup | undefined>();
  const shown = new Map<string, TaskFile>();
  const show = (path: string): string => relative(cwd, path) || path;

  const lookup = (file: string): TaskFileLookup | undefined => {
    if (byFile.has(file)) return byFile.get(file);
    const split = splitArtifactPath(file);
    const where = split && place(split.artifact, split.rest);
    let result: TaskFileLookup | undefined;
    if (split && where?.outside) {
      result = { kind: "outside", artifact: split.artifact, path: show(where.path) };
    } else if (split && where) {
      const path = show(where.path);
      const key = where.real ?? where.path;
      let taskFile = byRealPath.get(key);
      if (taskFile === undefined) {
        let text: string | undefined;
        try {
          text = where.real === undefined ? undefined : options.readFile(where.path);
        } catch {
          text = undefined;
        }
        taskFile = text === undefined ? null : lintTaskFile(text, { file: path, ...(options.rules ? { rules: options.rules } : {}) });
        byRealPath.set(key, taskFile);
        if (taskFile) shown.set(path, taskFile);
      }
      result = taskFile
        ? { kind: "resolved", artifact: split.artifact, path, taskFile }
        : { kind: "missing", artifact: split.artifact, path };
    }
    byFile.set(file, result);
    return result;
  };

  return {
    artifacts,
    lookup,
    exists(artifact, pathInArtifact) {
      const where = place(artifact, pathInArtifact);
      return where === undefined || where.outside ? undefined : options.exists(where.path);
    },
    files: () => shown,
  };
}
