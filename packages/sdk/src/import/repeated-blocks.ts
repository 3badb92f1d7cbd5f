/**
 * Repeated blocks that are not YAML anchors: the same `source:`, `params:` or task config
 * written out twice or more (by hand, or by a templating tool that expanded it). A person
 * moving such a pipeline to TypeScript writes the block once, as a const, and uses it where
 * it appeared; this finds those blocks so that the {@link AnchorTable} treats them as it
 * treats anchors (whole copies only: a repeated block is never spread into a bigger one).
 */
import type { JsonValue } from "../model/common.ts";
import { canonical } from "./anchors.ts";
import { isObject } from "./load.ts";

/** A block worth a const holds at least this many scalar values. */
const MIN_LEAVES = 3;

/** The word for a block under each key; other keys name themselves. */
const WORDS: Readonly<Record<string, string>> = { config: "task-config", image_resource: "image", input_mapping: "inputs" };

/** The name of the thing a mapping is (a step's, a job's, a resource's), if it has one. */
function labelOf(v: Record<string, JsonValue>): string | undefined {
  for (const key of ["task", "put", "get", "name"]) if (typeof v[key] === "string") return v[key] as string;
  return undefined;
}

function leaves(v: JsonValue): number {
  if (Array.isArray(v)) return v.reduce((n: number, item) => n + leaves(item), 0);
  if (isObject(v)) return Object.values(v).reduce((n: number, item) => n + leaves(item), 0);
  return 1;
}

interface Seen {
  readonly value: JsonValue;
  readonly key: string;
  /** The names of the things its first copy sits in, innermost first. */
  readonly labels: readonly string[];
  count: number;
  /** The canonical keys of the blocks each copy sits in. */
  readonly within: Set<string>;
}

/**
 * The mappings of `doc` that appear, equal, twice or more under the same key (and are not
 * part of an anchor's value), by a suggested const name, smaller blocks first. A block that
 * only ever appears inside a bigger repeated block is left to that one.
 */
export function repeatedBlocks(doc: JsonValue, anchors: ReadonlyMap<string, JsonValue>): Map<string, JsonValue> {
  const anchored = new Set([...anchors.values()].map((v) => canonical(v)));
  const seen = new Map<string, Seen>();
  const visit = (v: JsonValue, key: string, outer: readonly string[], labels: readonly string[]): void => {
    if (Array.isArray(v)) {
      for (const item of v) visit(item, key, outer, labels);
      return;
    }
    if (!isObject(v)) return;
    // An anchor's copy is the anchor's const, parts and all.
    if (anchored.has(canonical(v))) return;
    let inner = outer;
    if (key !== "" && Object.keys(v).length >= 2 && leaves(v) >= MIN_LEAVES) {
      const id = `${key}\u0000${canonical(v)}`;
      const entry = seen.get(id) ?? { value: v, key, labels, count: 0, within: new Set<string>() };
      entry.count++;
      for (const o of outer) entry.within.add(o);
      seen.set(id, entry);
      inner = [...outer, id];
    }
    const label = labelOf(v);
    const inside = label === undefined ? labels : [label, ...labels];
    for (const [k, item] of Object.entries(v)) visit(item, k, inner, inside);
  };
  visit(doc, "", [], []);
  const repeated = [...seen].filter(([, s]) => s.count >= 2 && !anchored.has(canonical(s.value)));
  const kept = new Map(repeated);
  const out = new Map<string, JsonValue>();
  // Smaller blocks first: a const is declared before a bigger one that uses it.
  repeated.sort(([, a], [, b]) => leaves(a.value) - leaves(b.value));
  for (const [, s] of repeated) {
    // Inside a bigger block that repeats as often: that block's const covers it.
    if ([...s.within].some((o) => (kept.get(o)?.count ?? 0) >= s.count)) continue;
    // Named after what holds its first copy (`smokeTestsParams`), qualified outwards (the
    // job) when that is taken; `commonSource` when nothing holds it by name.
    const word = WORDS[s.key] ?? s.key;
    const candidates = s.labels.map((_, i) => [...s.labels.slice(0, i + 1)].reverse().join("-")).map((l) => `${l}-${word}`);
    const name = [...candidates, `common-${word}`].find((n) => !out.has(n)) ?? `common-${word}-${out.size}`;
    out.set(name, s.value);
  }
  return out;
}
