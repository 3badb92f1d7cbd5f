/**
 * Task config files (`file:` of a task step): judged on their own as Concourse judges them
 * when a build loads them, and found from a pipeline through the artifacts' local folders.
 * Used by lint, render, graph and import.
 *
 * @see https://concourse-ci.org/tasks.html
 */

export { type AutoMapping, autoMapArtifacts, findGitCheckout, type GitCheckout, type GitIo, normaliseGitUrl } from "./auto-map.ts";
export { isTaskConfigDocument, looksLikeTaskConfig } from "./detect.ts";
export { lintTaskFile, type TaskFile, type TaskFileOptions } from "./lint-task-file.ts";
export {
  type MissingTaskFile,
  type ResolvedTaskFile,
  splitArtifactPath,
  type TaskFileIo,
  type TaskFileLookup,
  type TaskFileSource,
  type TaskFileSourceOptions,
  taskFileSource,
} from "./source.ts";
export { type TaskFileVar, taskFileVars } from "./vars.ts";
