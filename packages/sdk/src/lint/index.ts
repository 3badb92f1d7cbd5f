/**
 * `sdk lint` as a library: judge a pipeline as Concourse does (YAML, decode, validate, with
 * Concourse's own messages), then catch what Concourse cannot.
 *
 * @see https://concourse-ci.org/pipelines.html
 */

// Task config files: lint one, and find them from a pipeline's file tasks (RenderOptions.taskFiles)
export {
  lintTaskFile,
  type TaskFile,
  type TaskFileIo,
  type TaskFileLookup,
  type TaskFileSource,
  type TaskFileSourceOptions,
  taskFileSource,
} from "../task-file/index.ts";
// fly's var flags and template pass (sdk lint -v/-y/-i/-l)
export { interpolateConfig, interpolateVars, loadVarSources, type VarFlags, type VarSources } from "../vars/index.ts";
export { RULES, type RuleInfo, type RuleOrigin, type RuleSettings } from "./codes.ts";
export { type LintOptions, lintConfig } from "./lint-config.ts";
export { DECODE_PREFIX, type LintResult, lintYaml } from "./lint-yaml.ts";
