/**
 * Task step rules: `file:` or `config:`, the step `image:` overriding the config's image,
 * `hermetic:`, and the inline config's own checks (`TaskConfig.Validate`, unknown keys v8.1+).
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/task.go
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { supports } from "../concourse-version.ts";
import { arr, goStringSlice, type Obj, obj, text } from "../values.ts";
import type { Report } from "./report.ts";

const TASK_CONFIG_KEYS = new Set([
  "platform",
  "image_resource",
  "rootfs_uri",
  "container_limits",
  "params",
  "run",
  "inputs",
  "outputs",
  "caches",
]);

/** Validates a task step in context `context` (`jobs.j.plan.do[0].task(unit)`). */
export function validateTaskStep(step: Obj, context: string, path: readonly PathSegment[], report: Report): void {
  const config = obj(step.config);
  const hasFile = text(step.file) !== "";
  if (!config && !hasFile)
    report.error("task-file-or-config", `${context}: must specify either \`file:\` or \`config:\``, [...path, "task"], step, "task");
  if (config && hasFile)
    report.error(
      "task-file-or-config",
      `${context}: must specify one of \`file:\` or \`config:\`, not both`,
      [...path, "file"],
      step,
      "file",
    );
  if (config && text(step.image) !== "" && (text(config.rootfs_uri) !== "" || config.image_resource !== undefined)) {
    report.warning(
      "task-image-conflict",
      `${context}: specifies image: on the step but also specifies an image under config: - the image: on the step takes precedence`,
      [...path, "image"],
      step,
      "image",
    );
  }
  if (config) validateTaskConfig(config, `${context}.config`, [...path, "config"], report);
  if (step.hermetic === true) {
    report.warning(
      "task-hermetic",
      `${context}: specifies \`hermetic:\` only works against worker containerd runtime`,
      [...path, "hermetic"],
      step,
      "hermetic",
    );
  }
}

/** `TaskConfig.Validate` plus the unknown-keys check, for an inline config. */
function validateTaskConfig(config: Obj, context: string, path: readonly PathSegment[], report: Report): void {
  // Before v8.1 Concourse ignored unknown keys in an inline task config.
  const unknown = supports(report.version, "taskConfigUnknownKeys") ? Object.keys(config).filter((k) => !TASK_CONFIG_KEYS.has(k)) : [];
  if (unknown.length > 0) report.error("unknown-fields", `${context}: unknown fields ${goStringSlice(unknown)}`, path, config, unknown[0]);
  if (text(config.platform) === "") report.error("invalid-task-config", `${context}: missing 'platform'`, path, config);
  // v7's TaskConfig.Validate also required run.path (v7.11 `atc/task.go`).
  if (!supports(report.version, "runPathOptional") && text(obj(config.run)?.path) === "") {
    report.error("invalid-task-config", `${context}: missing path to executable to run`, [...path, "run"], obj(config.run) ?? config);
  }
  arr(config.inputs).forEach((input, i) => {
    if (text(obj(input)?.name) === "") {
      report.error(
        "invalid-task-config",
        `${context}:   input in position ${i} is missing a name`,
        [...path, "inputs", i],
        obj(input) ?? config,
      );
    }
  });
  arr(config.outputs).forEach((output, i) => {
    if (text(obj(output)?.name) === "") {
      report.error(
        "invalid-task-config",
        `${context}:   output in position ${i} is missing a name`,
        [...path, "outputs", i],
        obj(output) ?? config,
      );
    }
  });
}
