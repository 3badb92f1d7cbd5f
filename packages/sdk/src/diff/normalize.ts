/**
 * Brings a pipeline config to the form Concourse stores, so that two configs that mean the
 * same compare equal: Concourse decodes a pipeline into its Go structs and marshals them
 * back (what `fly get-pipeline` shows), which drops empty `omitempty` fields, turns the
 * list form of `in_parallel` into `{steps: [...]}`, stringifies task params and formats
 * `check_every` as a Go duration.
 *
 * @see https://concourse-ci.org/setting-pipelines.html
 */
import { parseGoDuration } from "../go/duration.ts";
import { isMapping, type Mapping, type Value } from "./read.ts";

/** Keys whose value is free-form (passed to a resource or credential manager as is). */
const FREE_FORM = new Set(["source", "defaults", "version", "vars", "instance_vars", "user_data"]);
/** Keys that take a Go duration which Concourse re-formats. */
const DURATIONS = new Set(["check_every"]);

/** Normalizes a whole pipeline config; see the module comment. */
export function normalizePipeline(config: Mapping): Mapping {
  return normalizeStruct(config, false);
}

/**
 * Normalizes one value of a struct. `taskEnv` is true when `params` here is a task's
 * environment (a task step, or a task's inline config).
 */
function normalize(value: Value, key: string, parent: Mapping, taskEnv: boolean): Value | undefined {
  if (FREE_FORM.has(key) || (key === "config" && "type" in parent && !("task" in parent))) return value;
  if (key === "params") return taskEnv && isMapping(value) ? stringifyValues(value) : value;
  if (key === "in_parallel" && Array.isArray(value)) return normalizeStruct({ steps: value }, false);
  if (DURATIONS.has(key) && typeof value === "string" && value !== "never") {
    const parsed = parseGoDuration(value);
    return parsed.ok ? goDurationString(parsed.nanos) : value;
  }
  if (Array.isArray(value)) return value.map((item) => (isMapping(item) ? normalizeStruct(item, false) : item));
  if (isMapping(value)) return normalizeStruct(value, key === "config" && "task" in parent);
  return value;
}

function normalizeStruct(map: Mapping, taskConfig: boolean): Mapping {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(map)) {
    const normalized = normalize(value, key, map, taskConfig || "task" in map);
    if (normalized === undefined || isEmpty(normalized)) continue;
    out[key] = normalized;
  }
  return out;
}

/** Go's `omitempty`: null, false, 0, "", and empty lists and maps are left out. */
function isEmpty(value: Value): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isMapping(value)) return Object.keys(value).length === 0;
  return value === null || value === false || value === 0 || value === "";
}

/** Task params are strings in Concourse (`TaskEnv`): `1` and `"1"` mean the same. */
function stringifyValues(map: Mapping): Mapping {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(map)) {
    out[key] = typeof value === "number" || typeof value === "boolean" ? String(value) : value;
  }
  return out;
}

/** Go's `time.Duration.String()`: `15m0s`, `1h30m0s`, `500ms`. */
export function goDurationString(nanos: number): string {
  if (nanos === 0) return "0s";
  const sign = nanos < 0 ? "-" : "";
  let rest = Math.abs(nanos);
  if (rest < 1e3) return `${sign}${rest}ns`;
  if (rest < 1e6) return `${sign}${rest / 1e3}µs`;
  if (rest < 1e9) return `${sign}${rest / 1e6}ms`;
  const hours = Math.floor(rest / 3.6e12);
  rest -= hours * 3.6e12;
  const minutes = Math.floor(rest / 6e10);
  rest -= minutes * 6e10;
  const seconds = rest / 1e9;
  return `${sign}${hours > 0 ? `${hours}h` : ""}${hours > 0 || minutes > 0 ? `${minutes}m` : ""}${seconds}s`;
}
