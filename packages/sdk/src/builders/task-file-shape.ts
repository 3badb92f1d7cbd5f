/**
 * What a task config file declares, read from its decoded value: the {@link TaskFileShape}
 * that `sdk import` writes as a declaration and that render compares a declaration with.
 *
 * @see https://concourse-ci.org/tasks.html#schema.task-config
 */
import type { Presence, TaskFileShape } from "./task-declaration.ts";

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

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
 * value is `"optional"`. Vars are every `((name))` without a var source, in order of use.
 */
export function shapeOfTaskFile(file: string, config: unknown): TaskFileShape {
  const c = isRecord(config) ? config : {};
  const inputs: Record<string, Presence> = {};
  for (const input of named(c["inputs"])) inputs[input["name"] as string] = input["optional"] === true ? "optional" : "required";
  const outputs = named(c["outputs"]).map((output) => output["name"] as string);
  const params: Record<string, Presence> = {};
  if (isRecord(c["params"])) {
    for (const [name, value] of Object.entries(c["params"])) params[name] = value === null || value === "" ? "required" : "optional";
  }
  const vars = varsUsedIn(c as Json);
  return {
    file,
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    ...(outputs.length > 0 ? { outputs } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(vars.length > 0 ? { vars } : {}),
  };
}

/**
 * The vars a task step's `vars` can fill: `((name))` and `((name.field))` without a
 * `source:` prefix (those come from a var source), and not `((.:local))`. A quoted name,
 * `(("a.b".c))`, is the text between the quotes. Keys are searched as well as values,
 * as Concourse interpolates the whole file.
 *
 * @see https://concourse-ci.org/vars.html#var-syntax
 */
export function varsUsedIn(value: Json): string[] {
  const found = new Set<string>();
  const visit = (v: Json): void => {
    if (typeof v === "string") {
      for (const match of v.matchAll(/\(\(([^()]*)\)\)/g)) {
        const name = varName((match[1] ?? "").trim());
        if (name !== undefined) found.add(name);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        visit(key);
        visit(item as Json);
      }
    }
  };
  visit(value);
  return [...found];
}

function varName(reference: string): string | undefined {
  if (reference.startsWith('"')) {
    const end = reference.indexOf('"', 1);
    return end > 1 ? reference.slice(1, end) : undefined;
  }
  const name = reference.split(".")[0] ?? "";
  if (name === "" || name.includes(":")) return undefined;
  return name;
}
