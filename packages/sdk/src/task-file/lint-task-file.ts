/**
 * A task config file judged as Concourse judges it when a build loads it (`atc.NewTaskConfig`
 * then `TaskConfig.Validate`): YAML, decoding into `atc.TaskConfig` (string fields coerced,
 * Concourse's errors for container limits and cache ttls), unknown top-level keys, a platform,
 * names on inputs and outputs. Every diagnostic is located in the task file.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/task.go
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/exec/task_config_source.go
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatPath } from "../diagnostics/diagnostic.ts";
import type { RuleSettings } from "../lint/codes.ts";
import { DECODE_PREFIX, DecodeFailure } from "../lint/decode/context.ts";
import { taskFileConfig } from "../lint/decode/task-config.ts";
import { readYamlFile } from "../lint/front-end.ts";
import type { Locator } from "../lint/locate.ts";
import { applyRuleSettings, applySuppressions, disabledLines } from "../lint/settings.ts";
import { taskConfigProblems, unknownTaskConfigKeys } from "../lint/validate/task.ts";
import { type Obj, obj } from "../lint/values.ts";
import type { TaskConfig } from "../model/task-config.ts";
import { type TaskFileVar, taskFileVars } from "./vars.ts";

/** A task file, read and judged. */
export interface TaskFile {
  /** The name shown to the user (on diagnostics). */
  readonly file: string | undefined;
  /** Its text, for code frames. */
  readonly text: string;
  /** The config as Concourse decodes it; undefined when the YAML or decode stage failed. */
  readonly config: TaskConfig | undefined;
  /** The file's own problems, in stage order, located in the file. */
  readonly diagnostics: readonly Diagnostic[];
  /** The `((vars))` its step's `vars:` can supply. */
  readonly vars: readonly TaskFileVar[];
  /** Positions of the decoded config's values, for diagnostics about the file's use. */
  readonly locator: Locator;
}

/** Options of {@link lintTaskFile}. */
export interface TaskFileOptions {
  /** The file name to put on diagnostics. */
  readonly file?: string;
  /** Per-code severity overrides; `off` drops the code. */
  readonly rules?: RuleSettings;
}

/**
 * Lints a task config file. Never throws: bad input becomes diagnostics.
 *
 * @see https://concourse-ci.org/tasks.html
 */
export function lintTaskFile(text: string, options: TaskFileOptions = {}): TaskFile {
  const file = options.file;
  const front = readYamlFile(text, file);
  const { root, state, diag, locator } = front;
  // The task file is read by go-yaml v2 in strict mode, not by fly's yaml.v3 pre-check.
  const diagnostics: Diagnostic[] = front.diagnostics.map((d) => (d.code === "yaml-duplicate-key" ? goYamlV2Duplicate(d) : d));
  let config: Obj | undefined;
  if (diagnostics.length === 0) {
    try {
      config = root ? obj(taskFileConfig(root, { struct: "TaskConfig", path: "" }, state)) : {};
    } catch (err) {
      if (!(err instanceof DecodeFailure)) throw err;
      diagnostics.push(diag("decode-error", "error", `${DECODE_PREFIX}${err.message}`, err.offset, "", err.hint));
    }
  }
  if (config) {
    const at = (target: object, key?: string) => ({ ...(file !== undefined ? { file } : {}), ...locator.locate(target, key) });
    const unknown = unknownTaskConfigKeys(config);
    if (unknown.length > 0) {
      // Go's %v of a []string: `[ouputs inptus]`.
      diagnostics.push({
        code: "unknown-fields",
        severity: "error",
        message: `unknown fields: [${unknown.join(" ")}]`,
        path: unknown[0] ?? "",
        ...at(config, unknown[0]),
        hint: "a task file takes platform, image_resource, rootfs_uri, container_limits, params, run, inputs, outputs and caches",
      });
    }
    for (const p of taskConfigProblems(config)) {
      diagnostics.push({
        code: p.code,
        severity: "error",
        message: `invalid task configuration: ${p.message.trim()}`,
        path: formatPath(p.path),
        ...at(p.target, p.key),
      });
    }
  }
  diagnostics.push(...front.templating);
  return {
    file,
    text,
    config: config as TaskConfig | undefined,
    diagnostics: applySuppressions(applyRuleSettings(diagnostics, options.rules), disabledLines(text)),
    vars: taskFileVars(root),
    locator,
  };
}

/** A duplicate key in go-yaml v2's strict words (`UnmarshalStrict`), instead of yaml.v3's. */
function goYamlV2Duplicate(d: Diagnostic): Diagnostic {
  const key = /^mapping key (".*") already defined/.exec(d.message)?.[1];
  return key === undefined ? d : { ...d, message: `yaml: unmarshal errors: line ${d.line}: key ${key} already set in map` };
}
