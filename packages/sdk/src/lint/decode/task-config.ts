/**
 * A task's inline `config:` as Concourse decodes it inside a step: lenient (unknown keys are
 * reported later by the validator, v8.1+), no string coercion, Concourse's own errors for
 * container limits and cache ttls.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/task.go
 */
import { jsonKind } from "../ynode.ts";
import { typeError } from "./context.ts";
import { cacheTtl, containerLimits } from "./custom.ts";
import { bool, dict, type FieldDecoder, freeMap, list, str, toJs } from "./fields.ts";
import { struct } from "./struct.ts";

const s = str(false);
const strings = list(s, "[]string");

/** Task `params` (`atc.TaskEnv`): any values, turned into strings by Concourse. */
export const taskEnv: FieldDecoder = (node, where, state) => {
  if (node.kind === "scalar" && node.value === null) return undefined;
  if (node.kind !== "map") throw typeError(jsonKind(node), where, "atc.TaskEnv", node.offset);
  return toJs(node, state);
};

const imageResource = struct({
  goName: "ImageResource",
  goType: "atc.ImageResource",
  strict: false,
  fields: {
    name: s,
    type: s,
    source: freeMap("atc.Source"),
    params: freeMap("atc.Params"),
    version: dict(str(true), "atc.Version"),
    tags: strings,
  },
});

const run = struct({
  goName: "TaskRunConfig",
  goType: "atc.TaskRunConfig",
  strict: false,
  fields: { path: s, args: strings, dir: s, user: s },
});

const input = struct({
  goName: "TaskInputConfig",
  goType: "atc.TaskInputConfig",
  strict: false,
  fields: { name: s, path: s, optional: bool },
});

const output = struct({ goName: "TaskOutputConfig", goType: "atc.TaskOutputConfig", strict: false, fields: { name: s, path: s } });

const cache = struct({ goName: "TaskCacheConfig", goType: "atc.TaskCacheConfig", strict: false, fields: { path: s, ttl: cacheTtl } });

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

/** An inline task config (`atc.TaskConfig`). */
export const taskConfig = struct({
  goName: "TaskConfig",
  goType: "atc.TaskConfig",
  strict: false,
  fields: {
    platform: s,
    image_resource: imageResource,
    rootfs_uri: s,
    container_limits: containerLimits,
    params: taskEnv,
    run,
    inputs: list(input, "[]atc.TaskInputConfig"),
    outputs: list(output, "[]atc.TaskOutputConfig"),
    caches: list(cache, "[]atc.TaskCacheConfig"),
  },
});
