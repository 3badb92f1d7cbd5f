/**
 * `sdk import` of task files: which arguments are task files (a folder of them, or YAML
 * files holding a task config), and the paths of those files inside their artifact.
 */
import { join, relative, resolve } from "node:path";
import type { TaskFileInput } from "../import/emit-task-files.ts";
import type { Io } from "../io/io.ts";
import { looksLikeTaskConfig } from "../task-file/index.ts";
import { CliError, ExitCode } from "./command.ts";

const YAML_FILE = /\.ya?ml$/i;

/** The YAML files under a folder, recursively, in sorted order (hidden folders skipped). */
function yamlFilesUnder(io: Io, dir: string): string[] {
  const found: string[] = [];
  for (const name of io.readDir(dir)) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const path = join(dir, name);
    if (io.isDirectory(path)) found.push(...yamlFilesUnder(io, path));
    else if (YAML_FILE.test(name)) found.push(path);
  }
  return found;
}

/** True when `arg` names a folder, or a YAML file whose content is a task config. */
export function isTaskFileArgument(io: Io, arg: string): boolean {
  const path = resolve(io.cwd, arg);
  if (!io.exists(path)) return false;
  if (io.isDirectory(path)) return true;
  return looksLikeTaskConfig(io.readFile(path));
}

/**
 * The task files that `args` name: files as given, folders searched for YAML files (a
 * YAML file in a folder that is not a task config is skipped by the importer, with a
 * warning). `root` is the folder of the artifact holding them: each file's `file:` path is
 * relative to it, and a file outside it is a usage error.
 */
export function collectTaskFiles(io: Io, args: readonly string[], root: string): TaskFileInput[] {
  const rootPath = resolve(io.cwd, root);
  const paths: string[] = [];
  for (const arg of args) {
    const path = resolve(io.cwd, arg);
    if (!io.exists(path)) throw new CliError(`error: no such file: ${arg}`, ExitCode.usage);
    if (io.isDirectory(path)) {
      const found = yamlFilesUnder(io, path);
      if (found.length === 0) throw new CliError(`error: ${arg} holds no .yml or .yaml file`, ExitCode.usage);
      paths.push(...found);
    } else paths.push(path);
  }
  return [...new Set(paths)].map((path) => {
    const inside = relative(rootPath, path).split("\\").join("/");
    const shown = relative(io.cwd, path).split("\\").join("/") || path;
    if (inside.startsWith("../") || inside === "..") {
      throw new CliError(
        `error: ${shown} is outside ${root}, the artifact's folder; give --root the folder the task's artifact holds (the repository's checkout)`,
        ExitCode.usage,
      );
    }
    return { shown, file: inside, text: io.readFile(path) };
  });
}
