/**
 * What a task config file declares, read from its decoded value: the {@link TaskFileShape}
 * that `sdk import` writes as a declaration and that render compares a declaration with.
 *
 * @see https://concourse-ci.org/tasks.html#schema.task-config
 */
import type { Presence, TaskFileShape } from "./task-declaration.ts";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The names of a list of `{ name: ... }` entries, skipping malformed ones (lint reports those). */
function named(list: unknown): Record<string, unknown>[] {
  if (!Array.isArray(list)) return [];
  return list.filter((item): item is Record<string, unknown> => isRecord(item) && typeof item["name"] === "string");
}

/**
 * The shape of a task config. `file` is the task file's path inside its artifact.
 *
 * Inputs with `optional: true` are `"optional"`. A param the file leaves empty (`TOKEN:`,
 * `TOKEN: ""`) is read as `"required"`: the file expects the step to give it; one with a
 * value is `"optional"`. `vars` are the names of the file's `((vars))` that a step's `vars`
 * can fill (see `taskFileVars`), in order of first use.
 */
export function shapeOfTaskFile(file: string, config: unknown, varNames: readonly string[]): TaskFileShape {
  const c = isRecord(config) ? config : {};
  const inputs: Record<string, Presence> = {};
  for (const input of named(c["inputs"])) inputs[input["name"] as string] = input["optional"] === true ? "optional" : "required";
  const outputs = named(c["outputs"]).map((output) => output["name"] as string);
  const params: Record<string, Presence> = {};
  if (isRecord(c["params"])) {
    for (const [name, value] of Object.entries(c["params"])) params[name] = value === null || value === "" ? "required" : "optional";
  }
  const vars = [...new Set(varNames)];
  return {
    file,
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    ...(outputs.length > 0 ? { outputs } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(vars.length > 0 ? { vars } : {}),
  };
}
