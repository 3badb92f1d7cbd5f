/**
 * How the YAML emitter writes a mapping of one shape, with one list of own keys, at one
 * depth: the keys in canonical order, each with its field's shape and its text ready to
 * copy, line break and indentation included.
 *
 * A large pipeline holds thousands of objects of each few kinds with the same keys (every
 * `get` step with `trigger`, every resource with `name`, `type` and `source`): working out
 * the order, the field shapes and the quoting of each key once per kind, instead of once per
 * object, is most of what makes the emitter fast before V8 has optimized it.
 */
import type { Shape } from "./shapes.ts";

/** A mapping key longer than this, as written, becomes an explicit `? key` (YAML caps implicit keys at 1024). */
export const MAX_IMPLICIT_KEY = 1024;

/** How many plans each shape keeps; past that, the kept ones are dropped and keeping starts again. */
const PLANS_PER_SHAPE = 512;
/** Plans of maps with more keys than this are not kept: such maps are rare and seldom repeat. */
const KEPT_PLAN_KEYS = 64;
/** Nor plans whose keys are longer than this in all. */
const KEPT_PLAN_LENGTH = 4096;

/** Top-level sequences whose items get a blank line between them, for readability. */
const SPACED_LISTS: ReadonlySet<string> = new Set(["resource_types", "resources", "jobs"]);

/** Two spaces per level: the emitter's indentation. */
function indentation(depth: number): string {
  return "  ".repeat(depth);
}

/** One key of a plan, with its texts. */
export class PlannedKey {
  /** The key, to read the value. */
  readonly key: string;
  /** The shape of the key's value. */
  readonly shape: Shape;
  /**
   * True when the key is too long for an implicit key: it is then written `? key`, and its
   * value, on the next line after `: `, stays inline even when it is a collection.
   */
  readonly explicit: boolean;
  /** `key: `, for the first key written, before an inline value (`? key`, a line break and `: ` for an explicit key). */
  readonly inline: string;
  /** `key:`, a line break and the indentation of a list's items, for the first key written; unused for an explicit key. */
  readonly list: string;
  /** `key:`, a line break and the indentation of a map's keys, for the first key written; unused for an explicit key. */
  readonly map: string;
  /** The line break and indentation before a key but the first (at the top, a blank line too), then {@link inline}. */
  readonly nextInline: string;
  /** The same, then {@link list}. */
  readonly nextList: string;
  /** The same, then {@link map}. */
  readonly nextMap: string;
  /** True for a top-level list whose items get a blank line between them. */
  readonly spaced: boolean;

  constructor(key: string, shape: Shape, text: string, depth: number) {
    this.key = key;
    this.shape = shape;
    this.explicit = text.length > MAX_IMPLICIT_KEY;
    // The library's explicit-key form; the value then sits at the key's inner indentation.
    this.inline = this.explicit ? `? ${text}\n${indentation(depth)}: ` : `${text}: `;
    // Sequences sit flush with their key (`key:\n- item`), maps one step in.
    this.list = `${text}:\n${indentation(depth)}`;
    this.map = `${text}:\n${indentation(depth + 1)}`;
    const lead = `${depth === 0 ? "\n\n" : "\n"}${indentation(depth)}`;
    this.nextInline = lead + this.inline;
    this.nextList = lead + this.list;
    this.nextMap = lead + this.map;
    this.spaced = depth === 0 && SPACED_LISTS.has(key);
  }
}

/** The keys of one kind of mapping at one depth, in writing order. */
export class MappingPlan {
  /** The own enumerable keys (in `Object.keys` order) of the objects this plan is for. */
  readonly source: readonly string[];
  readonly depth: number;
  /** The keys in writing order. */
  readonly keys: readonly PlannedKey[];
  /** The length of the keys' texts, in all. */
  readonly length: number;

  constructor(source: readonly string[], depth: number, keys: readonly PlannedKey[]) {
    this.source = source;
    this.depth = depth;
    this.keys = keys;
    let length = 0;
    for (const key of keys) length += key.nextMap.length;
    this.length = length;
  }
}

/** Renders a key at a depth; it throws on a key YAML cannot carry, and then no plan is made. */
export type KeyRenderer = (key: string, depth: number) => string;

/** True when `keys` is exactly `source`, element by element. */
function sameKeys(keys: readonly string[], source: readonly string[]): boolean {
  if (keys.length !== source.length) return false;
  for (let index = 0; index < keys.length; index++) if (keys[index] !== source[index]) return false;
  return true;
}

/**
 * The writing order of an object's keys: the shape's listed keys first, in its order, then
 * the others as they come. `ownKeys` are all the object's own keys; listed ones that are not
 * enumerable are written too (as `canonicalPipeline` copies them), the rest only when enumerable.
 */
function writingOrder(map: object, keys: readonly string[], shape: Shape, allEnumerable: boolean): readonly string[] {
  if (shape.order.length === 0) return keys;
  const ordered: string[] = [];
  if (allEnumerable) {
    // Only own keys can be listed ones present: probe the listed keys among them.
    const present = new Set(keys);
    for (const key of shape.order) if (present.has(key)) ordered.push(key);
  } else {
    for (const key of shape.order) if (Object.hasOwn(map, key)) ordered.push(key);
  }
  for (const key of keys) if (!shape.listed.has(key)) ordered.push(key);
  return ordered;
}

/** Makes a plan for `keys` in `shape`'s order. */
function makePlan(
  map: object,
  keys: readonly string[],
  shape: Shape,
  depth: number,
  renderKey: KeyRenderer,
  allEnumerable: boolean,
): MappingPlan {
  const planned: PlannedKey[] = [];
  // Every own enumerable key is rendered, even one whose value is undefined and is left
  // out: a key YAML cannot carry stops the render wherever its value is.
  for (const key of keys) renderKey(key, depth);
  for (const key of writingOrder(map, keys, shape, allEnumerable)) {
    planned.push(new PlannedKey(key, shape.field(key), renderKey(key, depth), depth));
  }
  return new MappingPlan(keys, depth, planned);
}

/**
 * True when `for...in` lists a plain object's own enumerable keys and nothing else: when
 * `Object.prototype` has no enumerable key (a polluted one lends its keys to every object).
 * Asked once per render by the emitter, for {@link planFor}.
 */
export function forInListsOwnKeys(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** True when `for...in` lists exactly `source`, in order. */
function enumeratesAs(map: object, source: readonly string[]): boolean {
  let index = 0;
  for (const key in map) {
    if (key !== source[index]) return false;
    index++;
  }
  return index === source.length;
}

/**
 * A kept plan for `map`, found without listing its keys into an array (`for...in` makes
 * none): a render visits tens of thousands of maps, and the arrays would be most of what
 * the emitter allocates, each one making the next garbage collection come sooner.
 */
function keptPlanFor(map: object, shape: Shape, depth: number): MappingPlan | undefined {
  let firstKey = "";
  for (const key in map) {
    firstKey = key;
    break;
  }
  const plans = shape.plans.byFirstKey.get(firstKey);
  if (plans === undefined) return undefined;
  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index] as MappingPlan;
    if (plan.depth !== depth || !enumeratesAs(map, plan.source)) continue;
    // Only a shape with listed keys writes non-enumerable ones; elsewhere they do not matter.
    return shape.order.length === 0 || Object.getOwnPropertyNames(map).length === plan.source.length ? plan : undefined;
  }
  return undefined;
}

/**
 * The plan for writing `map`, a mapping of `shape`, at `depth`: a kept one when an object
 * with the same own keys was written there before. An object with own keys that are not
 * enumerable gets a plan of its own, since its listed ones are written too. `byForIn` says
 * that {@link forInListsOwnKeys}.
 */
export function planFor(map: object, shape: Shape, depth: number, renderKey: KeyRenderer, byForIn: boolean): MappingPlan {
  if (byForIn) {
    const kept = keptPlanFor(map, shape, depth);
    if (kept !== undefined) return kept;
  }
  const keys = Object.keys(map);
  // Only a shape with listed keys writes non-enumerable ones; elsewhere they do not matter.
  const allEnumerable = shape.order.length === 0 || Object.getOwnPropertyNames(map).length === keys.length;
  if (!allEnumerable) return makePlan(map, keys, shape, depth, renderKey, false);
  // Plans are found by first key: free-form maps (`source`, `params`) vary, and one list of
  // them all would be long to search.
  const cache = shape.plans;
  const firstKey = keys.length === 0 ? "" : (keys[0] as string);
  let plans = cache.byFirstKey.get(firstKey);
  if (plans !== undefined) {
    for (let index = 0; index < plans.length; index++) {
      const plan = plans[index] as MappingPlan;
      if (plan.depth === depth && sameKeys(keys, plan.source)) return plan;
    }
  }
  const plan = makePlan(map, keys, shape, depth, renderKey, true);
  if (keys.length <= KEPT_PLAN_KEYS && plan.length <= KEPT_PLAN_LENGTH) {
    if (cache.size >= PLANS_PER_SHAPE) {
      // Full: start again, so that a long-running process keeps the plans of what it renders now.
      cache.byFirstKey.clear();
      cache.size = 0;
      plans = undefined;
    }
    if (plans === undefined) {
      plans = [];
      cache.byFirstKey.set(firstKey, plans);
    }
    plans.push(plan);
    cache.size++;
  }
  return plan;
}

/** A shape's kept plans, found by first key. */
export class PlanCache {
  readonly byFirstKey = new Map<string, MappingPlan[]>();
  /** How many plans are kept, in all. */
  size = 0;
}
