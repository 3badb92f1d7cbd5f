/**
 * Copies a pipeline config into canonical key order (the shapes of `shapes.ts`, the same
 * ones the YAML emitter reads), checking on the way that it is plain JSON. JSON output uses
 * the copy; the YAML emitter calls it only to report an unrenderable value with its path.
 */
import type { JsonValue } from "../model/common.ts";
import type { PipelineConfig } from "../model/pipeline.ts";
import { FREE, PIPELINE, type Shape } from "./shapes.ts";

/** Where a value sits, as a linked list built on the way down; formatted only for an error. */
interface Path {
  readonly parent: Path | undefined;
  readonly key: string | number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function childPath(parent: Path | undefined, key: string | number): Path {
  return { parent, key };
}

/** Formats a path the way JavaScript would address it: `jobs[0].plan[1].config`. */
function formatPath(path: Path | undefined): string {
  if (path === undefined) return "the top level";
  const { parent, key } = path;
  const segment = typeof key === "number" ? `[${key}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (parent === undefined) return segment;
  return segment.startsWith("[") ? formatPath(parent) + segment : `${formatPath(parent)}.${segment}`;
}

/** Sets a key without tripping `__proto__`'s setter, so user maps keep every key. */
function setKey(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function fail(path: Path | undefined, problem: string, why?: string): never {
  throw new Error(`contrail render: ${problem} at ${formatPath(path)}${why === undefined ? "" : ` (${why})`}`);
}

/** Copies `value` as the object kind `shape` says sits here; rejects what YAML or JSON cannot carry faithfully. */
function walk(value: unknown, shape: Shape, path: Path | undefined): JsonValue {
  switch (typeof value) {
    case "string":
      if (/[\uD800-\uDFFF]/u.test(value)) fail(path, "unpaired UTF-16 surrogate", "not representable in YAML or UTF-8");
      return value;
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) fail(path, `non-finite number ${value}`, "Concourse cannot store it");
      return value;
    default:
      break;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const items = shape.items;
    return value.map((item: unknown, index) => {
      // In a free-form list; in a list of known objects, the item's own check names it.
      if (item === undefined && items === FREE) fail(childPath(path, index), "undefined in a list");
      return walk(item, items, childPath(path, index));
    });
  }
  if (!isPlainObject(value)) return fail(path, `${value === undefined ? "undefined" : typeof value} value`, "not plain JSON");
  const map = shape.mapShape(value);
  const out: Record<string, JsonValue> = {};
  const copy = (key: string): void => {
    if (/[\uD800-\uDFFF]/u.test(key))
      fail(childPath(path, key), "unpaired UTF-16 surrogate in a key", "not representable in YAML or UTF-8");
    const item = value[key];
    if (item === undefined || Object.hasOwn(out, key)) return;
    setKey(out, key, walk(item, map.field(key), childPath(path, key)));
  };
  for (const key of map.order) if (Object.hasOwn(value, key)) copy(key);
  for (const key of Object.keys(value)) copy(key);
  return out;
}

/**
 * Returns a copy of `config` with every object's keys in canonical order and `undefined`
 * fields dropped. Throws an Error naming the path of anything a serializer would silently
 * change: a non-finite number (`.inf` breaks Concourse), `undefined` in a list, a lone
 * surrogate, or a non-plain object.
 */
export function canonicalPipeline(config: PipelineConfig): JsonValue {
  return walk(config, PIPELINE, undefined);
}
