/**
 * Compares two pipeline configs in meaning, entity by entity: resource types, resources,
 * jobs, groups, var sources and prototypes are matched by name, so that moving a job or
 * re-quoting a value is no difference, while a changed step is.
 *
 * @see https://concourse-ci.org/pipelines.html
 */
import { structuredPatch } from "diff";
import { yamlPackage } from "../yaml/yaml-package.ts";
import { maskCredentials } from "./mask.ts";
import { normalizePipeline } from "./normalize.ts";
import { isMapping, type Mapping, type Value } from "./read.ts";

/** One entity that differs. */
export interface EntityChange {
  /** `+` only in the desired config, `-` only in the current one, `~` in both but different. */
  readonly change: "+" | "-" | "~";
  /** What it is: `job`, `resource`, `resource type`, ..., or a top-level key (`display`). */
  readonly kind: string;
  /** Its name; empty for a top-level key. */
  readonly name: string;
  /** For `~`: the changed lines of its YAML, each starting with `-`, `+` or a space; `...` between hunks. */
  readonly lines: readonly string[];
}

/** The named lists of a pipeline, with what their entries are called. */
const SECTIONS: readonly (readonly [string, string])[] = [
  ["resource_types", "resource type"],
  ["resources", "resource"],
  ["jobs", "job"],
  ["groups", "group"],
  ["var_sources", "var source"],
  ["prototypes", "prototype"],
];
const SECTION_KEYS = new Set(SECTIONS.map(([key]) => key));

/**
 * The differences between the `current` config (what Concourse has) and the `desired` one
 * (what would be set), both as read by {@link readPipelineYaml}; empty when they mean the same.
 */
export function comparePipelines(current: Mapping, desired: Mapping): EntityChange[] {
  const before = normalizePipeline(current);
  const after = normalizePipeline(desired);
  const changes: EntityChange[] = [];
  for (const [key, kind] of SECTIONS) changes.push(...compareNamed(kind, byName(before[key]), byName(after[key])));
  const others = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => !SECTION_KEYS.has(k));
  for (const key of others) changes.push(...compareOne(key, "", before[key], after[key]));
  return changes;
}

function byName(list: Value | undefined): Map<string, Value> {
  const out = new Map<string, Value>();
  if (!Array.isArray(list)) return out;
  list.forEach((item: Value, index: number) => {
    const name = isMapping(item) && typeof item["name"] === "string" ? item["name"] : `#${index}`;
    let key = name;
    for (let n = 2; out.has(key); n++) key = `${name} (${n})`;
    out.set(key, item);
  });
  return out;
}

function compareNamed(kind: string, before: Map<string, Value>, after: Map<string, Value>): EntityChange[] {
  const changes: EntityChange[] = [];
  for (const [name, value] of after) changes.push(...compareOne(kind, name, before.get(name), value));
  for (const [name, value] of before) if (!after.has(name)) changes.push(...compareOne(kind, name, value, undefined));
  return changes;
}

function compareOne(kind: string, name: string, before: Value | undefined, after: Value | undefined): EntityChange[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ change: "+", kind, name, lines: [] }];
  if (after === undefined) return [{ change: "-", kind, name, lines: [] }];
  if (dump(before) === dump(after)) return [];
  const masked = maskCredentials(before, after);
  return [{ change: "~", kind, name, lines: changedLines(dump(masked.before), dump(masked.after)) }];
}

function changedLines(before: string, after: string): string[] {
  const patch = structuredPatch("current", "desired", before, after, undefined, undefined, { context: 2 });
  const lines: string[] = [];
  patch.hunks.forEach((hunk, i) => {
    if (i > 0) lines.push("...");
    lines.push(...hunk.lines.filter((line) => !line.startsWith("\\")));
  });
  return lines;
}

/** Keys shown first, in this order; the rest follow alphabetically. */
const FIRST_KEYS = ["name", "type", "get", "put", "task", "set_pipeline", "load_var", "in_parallel", "do", "try", "across"];

/** YAML with a stable key order, for showing and comparing one entity. */
function dump(value: Value): string {
  return yamlPackage().stringify(ordered(value), { lineWidth: 0 });
}

function ordered(value: Value): Value {
  if (Array.isArray(value)) return value.map(ordered);
  if (!isMapping(value)) return value;
  const rank = (key: string): number => {
    const i = FIRST_KEYS.indexOf(key);
    return i < 0 ? FIRST_KEYS.length : i;
  };
  const keys = Object.keys(value).sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  const out: Record<string, Value> = {};
  for (const key of keys) out[key] = ordered(value[key] ?? null);
  return out;
}
