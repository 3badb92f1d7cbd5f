/**
 * YAML anchors as named consts. Concourse (go-yaml) expands `&name`/`*name` and `<<: *name`
 * before it reads the pipeline, so the import sees copies; a person would write the shared
 * block once. An anchor whose value (an object or a list) the pipeline uses twice or more,
 * whole or merged into a bigger mapping, becomes `const name = {...}`, written where a copy
 * was (`source: dockerHub`) or spread into the mapping it was merged into
 * (`{ ...defaults, extra: 1 }`). A copy whose expression depends on where it stands (an
 * artifact or local var handle) stays inline.
 */
import type { JsonValue } from "../model/common.ts";
import type { Deferred, Expr } from "./expr.ts";
import { isObject, type JsonObject } from "./load.ts";
import type { NameAllocator } from "./names.ts";

/** A shared anchor: its const is declared once something used it. */
export interface SharedAnchor {
  /** The anchor's name in the YAML. */
  readonly anchor: string;
  /** The const's name, reserved up front so the anchor keeps its own name. */
  readonly name: string;
  /** The value, for partial matches. */
  readonly value: JsonValue;
  /** True for a YAML anchor (`&name`), false for a block repeated without one. */
  readonly isAnchor: boolean;
  /** The const's initializer, from its first use. */
  init: Expr | undefined;
  /** The reference used at each site. */
  readonly node: Deferred;
}

const CANONICAL = new WeakMap<object, string>();

/** A key for deep equality that ignores key order (Concourse reads maps unordered). */
export function canonical(v: JsonValue | undefined): string {
  if (typeof v !== "object" || v === null) return JSON.stringify(v) ?? "null";
  const known = CANONICAL.get(v);
  if (known !== undefined) return known;
  const key = Array.isArray(v)
    ? `[${v.map(canonical).join(",")}]`
    : `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
        .join(",")}}`;
  CANONICAL.set(v, key);
  return key;
}

/** The reference nodes of anchors' consts, which, unlike step handles, fit anywhere. */
const ANCHOR_NODES = new WeakSet<Deferred>();

/** True for the reference node of an anchor's const (a name that fits anywhere). */
export function isSharedNode(node: Deferred): boolean {
  return ANCHOR_NODES.has(node);
}

/** True when an expression depends on its place in a plan (a step handle). */
export function hasHandle(e: Expr): boolean {
  switch (e.k) {
    case "ref":
      return !ANCHOR_NODES.has(e.node);
    case "member":
      return hasHandle(e.object);
    case "tpl":
      return e.parts.some((p) => typeof p !== "string" && hasHandle(p));
    case "call":
      return hasHandle(e.callee) || e.args.some(hasHandle);
    case "obj":
      return e.props.some(([, v]) => hasHandle(v));
    case "arr":
      return e.items.some(hasHandle);
    case "arrow":
      return true;
    default:
      return false;
  }
}

/** The anchors of one import that are worth a const. */
export class AnchorTable {
  readonly #byValue = new Map<string, SharedAnchor>();
  readonly #mergeable: SharedAnchor[] = [];

  /**
   * Counts, in `doc`, the copies of each anchor (whole values, and mappings that hold all of
   * an object anchor's entries) and keeps those used at least twice.
   */
  constructor(
    anchors: ReadonlyMap<string, JsonValue>,
    doc: JsonValue,
    names: NameAllocator,
    repeated: ReadonlyMap<string, JsonValue> = new Map(),
  ) {
    const candidates = [...anchors, ...repeated].filter(
      ([, v]) => (Array.isArray(v) && v.length > 0) || (isObject(v) && Object.keys(v).length > 0),
    );
    const keys = new Map(candidates.map(([name, v]) => [name, canonical(v)]));
    const counts = new Map<string, number>();
    const visit = (v: JsonValue): void => {
      if (Array.isArray(v)) {
        const key = canonical(v);
        for (const [name, k] of keys) if (k === key) counts.set(name, (counts.get(name) ?? 0) + 1);
        v.forEach(visit);
        return;
      }
      if (!isObject(v)) return;
      for (const [name, value] of candidates) if (containsAll(v, value)) counts.set(name, (counts.get(name) ?? 0) + 1);
      for (const item of Object.values(v)) visit(item);
    };
    visit(doc);
    for (const [anchor, value] of candidates) {
      if ((counts.get(anchor) ?? 0) < 2 || this.#byValue.has(keys.get(anchor) ?? "")) continue;
      const shared: SharedAnchor = {
        anchor,
        name: names.allocate(anchor, "Config"),
        value,
        isAnchor: anchors.has(anchor),
        init: undefined,
        node: {
          expr: () => shared.init ?? { k: "null" },
          constName: undefined,
        },
      };
      ANCHOR_NODES.add(shared.node);
      this.#byValue.set(keys.get(anchor) ?? "", shared);
      // Only a real anchor is spread into a bigger mapping (`<<: *name` said so).
      if (isObject(value) && anchors.has(anchor)) this.#mergeable.push(shared);
    }
    // The biggest first, so a mapping spreads the anchor that covers most of it.
    this.#mergeable.sort((a, b) => Object.keys(b.value ?? {}).length - Object.keys(a.value ?? {}).length);
  }

  /** The shared anchor whose value is exactly `v`. */
  whole(v: JsonValue): SharedAnchor | undefined {
    return typeof v === "object" && v !== null ? this.#byValue.get(canonical(v)) : undefined;
  }

  /**
   * The YAML anchor, used twice or more, whose value is exactly the step `v`, or the steps
   * of `v` when it is only an `in_parallel:` or `do:` of them (`in_parallel: *upload`).
   */
  step(v: JsonObject): SharedAnchor | undefined {
    const keys = Object.keys(v);
    const steps = keys.length === 1 && (keys[0] === "in_parallel" || keys[0] === "do") ? v[keys[0]] : undefined;
    const shared = this.whole(v) ?? (Array.isArray(steps) ? this.whole(steps) : undefined);
    return shared?.isAnchor ? shared : undefined;
  }

  /**
   * The YAML anchor on a step that `v` is a copy of with a few scalars overridden (`<<:
   * *deploy` then `params: { ENV: prod }`): the same keys everywhere, at most
   * `maxDifferences` scalar values other. Only anchors on steps are compared.
   */
  variant(v: JsonObject, maxDifferences: number): SharedAnchor | undefined {
    for (const shared of this.#byValue.values()) {
      if (!shared.isAnchor || !isObject(shared.value) || !STEP_KEYS.some((k) => k in (shared.value as JsonObject))) continue;
      const n = scalarDifferences(shared.value, v);
      if (n !== undefined && n > 0 && n <= maxDifferences) return shared;
    }
    return undefined;
  }

  /** The biggest shared object anchor merged into `v` (all its entries, and more). */
  merged(v: JsonObject): SharedAnchor | undefined {
    return this.#mergeable.find((a) => isObject(a.value) && Object.keys(v).length > Object.keys(a.value).length && containsAll(v, a.value));
  }

  /** A reference to the anchor's const, given this site's expression of its value. */
  use(shared: SharedAnchor, expr: Expr): Expr {
    shared.init ??= expr;
    shared.node.constName = shared.name;
    return { k: "ref", node: shared.node };
  }

  /** True when `name` is the const name of one of the anchors (used or not). */
  hasName(name: string): boolean {
    for (const a of this.#byValue.values()) if (a.name === name) return true;
    return false;
  }

  /** The const an anchor became, if it was used. */
  constOf(anchor: string): string | undefined {
    return [...this.#byValue.values()].find((a) => a.anchor === anchor && a.init !== undefined)?.name;
  }

  /** The consts of the anchors used, in the order of the YAML. */
  decls(): { name: string; init: Expr }[] {
    return [...this.#byValue.values()].filter((a) => a.init !== undefined).map((a) => ({ name: a.name, init: a.init as Expr }));
  }
}

/** The keys that make a mapping a step. */
const STEP_KEYS = ["get", "put", "task", "set_pipeline", "load_var", "in_parallel", "do", "try"];

/** How many scalars differ between two values of the same shape (same keys, same lengths); undefined when the shapes differ. */
function scalarDifferences(a: JsonValue, b: JsonValue): number | undefined {
  const aObject = typeof a === "object" && a !== null;
  const bObject = typeof b === "object" && b !== null;
  if (!aObject && !bObject) return a === b ? 0 : 1;
  if (!aObject || !bObject || Array.isArray(a) !== Array.isArray(b)) return undefined;
  const ka = Array.isArray(a) ? a.map((_, i) => i) : Object.keys(a).sort();
  const kb = Array.isArray(b) ? (b as JsonValue[]).map((_, i) => i) : Object.keys(b).sort();
  if (ka.join() !== kb.join()) return undefined;
  let n = 0;
  for (const k of ka) {
    const d = scalarDifferences((a as Record<string, JsonValue>)[k] as JsonValue, (b as Record<string, JsonValue>)[k] as JsonValue);
    if (d === undefined) return undefined;
    n += d;
  }
  return n;
}

/** True when `v` holds every entry of the object `part`, with equal values. */
function containsAll(v: JsonObject, part: JsonValue): boolean {
  if (!isObject(part)) return false;
  return Object.entries(part).every(([k, value]) => k in v && canonical(v[k]) === canonical(value));
}

/** The anchors whose value is `v` or one of its parts: the anchors a dropped key held. */
export function heldAnchors(v: JsonValue, anchors: ReadonlyMap<string, JsonValue>): string[] {
  const inside = new Set<string>();
  const visit = (x: JsonValue): void => {
    if (typeof x !== "object" || x === null) return;
    inside.add(canonical(x));
    for (const item of Array.isArray(x) ? x : Object.values(x)) visit(item);
  };
  visit(v);
  return [...anchors].filter(([, value]) => typeof value === "object" && value !== null && inside.has(canonical(value))).map(([n]) => n);
}
