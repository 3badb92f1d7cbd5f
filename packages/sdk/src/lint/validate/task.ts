/**
 * Task step rules: `file:` or `config:`, the step `image:` overriding the config's image,
 * `hermetic:`, and the inline config's own checks (`TaskConfig.Validate`, unknown keys v8.1+).
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/task.go
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { type ConcourseVersion, supports } from "../concourse-version.ts";
import { TASK_CONFIG_FIELDS } from "../decode/task-config.ts";
import { arr, goStringSlice, type Obj, obj, text } from "../values.ts";
import type { Report } from "./report.ts";

const TASK_CONFIG_KEYS: ReadonlySet<string> = new Set(TASK_CONFIG_FIELDS);

/** One problem of a task config, relative to the config. */
export interface TaskConfigProblem {
  readonly code: "unknown-fields" | "invalid-task-config";
  /** Concourse's text, without the context prefix. */
  readonly message: string;
  /** The path inside the config. */
  readonly path: readonly PathSegment[];
  readonly target: object;
  readonly key?: string | undefined;
}

/** The top-level keys of a task config that Concourse does not know, in source order. */
export function unknownTaskConfigKeys(config: Obj): string[] {
  return Object.keys(config).filter((k) => !TASK_CONFIG_KEYS.has(k));
}

/**
 * `TaskConfig.Validate`: the platform, and a name on every input and output. Shared by
 * inline configs (checked when the pipeline is set) and task files (when a build loads them).
 */
export function taskConfigProblems(config: Obj, version?: ConcourseVersion): TaskConfigProblem[] {
  const out: TaskConfigProblem[] = [];
  if (text(config.platform) === "") out.push({ code: "invalid-task-config", message: "missing 'platform'", path: [], target: config });
  // v7's TaskConfig.Validate also required run.path (v7.11 `atc/task.go`).
  if (!supports(version, "runPathOptional") && text(obj(config.run)?.path) === "") {
    out.push({
      code: "invalid-task-config",
      message: "missing path to executable to run",
      path: ["run"],
      target: obj(config.run) ?? config,
    });
  }
  unnamed(config, "inputs", "input", out);
  unnamed(config, "outputs", "output", out);
  return out;
}

/** Adds a problem for each item of `config[key]` without a name. */
function unnamed(config: Obj, key: "inputs" | "outputs", kind: "input" | "output", out: TaskConfigProblem[]): void {
  const items = arr(config[key]);
  for (let i = 0; i < items.length; i++) {
    const item = obj(items[i]);
    if (text(item?.name) !== "") continue;
    out.push({
      code: "invalid-task-config",
      message: `  ${kind} in position ${i} is missing a name`,
      path: [key, i],
      target: item ?? config,
    });
  }
}

/**
 * Validates a task step in context `context` (`jobs.j.plan.do[0].task(unit)`), a function
 * so that the text is made only for a finding.
 */
export function validateTaskStep(step: Obj, context: () => string, path: readonly PathSegment[], report: Report): void {
  const config = obj(step.config);
  const hasFile = text(step.file) !== "";
  if (!config && !hasFile)
    report.error("task-file-or-config", `${context()}: must specify either \`file:\` or \`config:\``, [...path, "task"], step, "task");
  if (config && hasFile)
    report.error(
      "task-file-or-config",
      `${context()}: must specify one of \`file:\` or \`config:\`, not both`,
      [...path, "file"],
      step,
      "file",
    );
  if (config && text(step.image) !== "" && (text(config.rootfs_uri) !== "" || config.image_resource !== undefined)) {
    report.warning(
      "task-image-conflict",
      `${context()}: specifies image: on the step but also specifies an image under config: - the image: on the step takes precedence`,
      [...path, "image"],
      step,
      "image",
    );
  }
  if (config) validateTaskConfig(config, context, path, report);
  if (step.hermetic === true) {
    report.warning(
      "task-hermetic",
      `${context()}: specifies \`hermetic:\` only works against worker containerd runtime`,
      [...path, "hermetic"],
      step,
      "hermetic",
    );
  }
}

/** `TaskConfig.Validate` plus the unknown-keys check, for the inline config of the step at `stepPath`. */
function validateTaskConfig(config: Obj, stepContext: () => string, stepPath: readonly PathSegment[], report: Report): void {
  // Before v8.1 Concourse ignored unknown keys in an inline task config.
  const unknown = supports(report.version, "taskConfigUnknownKeys") ? unknownTaskConfigKeys(config) : [];
  if (unknown.length > 0)
    report.error(
      "unknown-fields",
      `${stepContext()}.config: unknown fields ${goStringSlice(unknown)}`,
      [...stepPath, "config"],
      config,
      unknown[0],
    );
  for (const p of taskConfigProblems(config, report.version))
    report.error(p.code, `${stepContext()}.config: ${p.message}`, [...stepPath, "config", ...p.path], p.target, p.key);
}
