/**
 * A task config as Concourse decodes it: inline in a step (`config:`) or from a task file
 * (`file:`, read when the build runs). Lenient (unknown keys are reported later: by the
 * validator for inline configs, v8.1+, by the task-file layer for files), Concourse's own
 * errors for container limits and cache ttls.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/task.go
 */
import { jsonKind } from "../../yaml/ynode.ts";
import { typeError } from "./context.ts";
import { cacheTtl, containerLimits } from "./custom.ts";
import { bool, dict, type FieldDecoder, freeMap, list, str, toJs } from "./fields.ts";
import { struct } from "./struct.ts";

/** Task `params` (`atc.TaskEnv`): any values, turned into strings by Concourse. */
export const taskEnv: FieldDecoder = (node, where, state) => {
  if (node.kind === "scalar" && node.value === null) return undefined;
  if (node.kind !== "map") throw typeError(jsonKind(node), where, "atc.TaskEnv", node.offset);
  return toJs(node, state);
};

/**
 * The decoders of one task config shape. `coerce`: whether YAML numbers and bools become
 * strings in string fields, as sigs.k8s.io/yaml does when it can see the target struct (a
 * task file, decoded straight into `atc.TaskConfig`) and does not inside a step (whose
 * custom `UnmarshalJSON` hides the struct).
 */
function taskConfigDecoder(coerce: boolean): FieldDecoder {
  const s = str(coerce);
  const strings = list(s, "[]string");
  const lenient = (goName: string, fields: Record<string, FieldDecoder>): FieldDecoder =>
    struct({ goName, goType: `atc.${goName}`, strict: false, fields });
  const imageResource = lenient("ImageResource", {
    name: s,
    type: s,
    source: freeMap("atc.Source"),
    params: freeMap("atc.Params"),
    version: dict(str(true), "atc.Version"),
    tags: strings,
  });
  const run = lenient("TaskRunConfig", { path: s, args: strings, dir: s, user: s });
  const input = lenient("TaskInputConfig", { name: s, path: s, optional: bool });
  const output = lenient("TaskOutputConfig", { name: s, path: s });
  const cache = lenient("TaskCacheConfig", { path: s, ttl: cacheTtl });
  return lenient("TaskConfig", {
    platform: s,
    image_resource: imageResource,
    rootfs_uri: s,
    container_limits: containerLimits,
    params: taskEnv,
    run,
    inputs: list(input, "[]atc.TaskInputConfig"),
    outputs: list(output, "[]atc.TaskOutputConfig"),
    caches: list(cache, "[]atc.TaskCacheConfig"),
  });
}

/** The fields of a task config, for the validator's `unknown fields` check. */
export const TASK_CONFIG_FIELDS = [
  "platform",
  "image_resource",
  "rootfs_uri",
  "container_limits",
  "params",
  "run",
  "inputs",
  "outputs",
  "caches",
] as const;

/** An inline task config (`atc.TaskConfig` inside a step): no string coercion. */
export const taskConfig = taskConfigDecoder(false);

/**
 * A task config file, as `atc.NewTaskConfig` decodes it when a build loads it: string fields
 * coerced. Unknown top-level keys are kept so that the caller reports them all at once
 * (`unknown fields: [ouputs]`), as the spec (section 2.10) gives Concourse's run-time text.
 */
export const taskFileConfig = taskConfigDecoder(true);
