/**
 * The YAML tree the linter works on: the first document, read the way go-yaml v2 (YAML 1.1)
 * reads it, with aliases and `<<` merge keys expanded and every node keeping its source offset.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/decode.go
 */

/** A scalar, typed by YAML 1.1 resolution (plain) or always a string (quoted, block). */
export interface YScalar {
  readonly kind: "scalar";
  /** The resolved value. */
  readonly value: string | number | boolean | null;
  /** The go-yaml tag it resolved to. */
  readonly tag: "str" | "bool" | "int" | "float" | "null";
  /** Offset of the node in the source. */
  readonly offset: number;
}

/** One key of a mapping; keys are turned into strings as sigs.k8s.io/yaml does. */
export interface YEntry {
  /** The key, as JSON will see it (`on` becomes `true`). */
  readonly key: string;
  /** Offset of the key in the source. */
  readonly keyOffset: number;
  /** The value. */
  readonly value: YNode;
}

/** A mapping, with merge keys already applied (later keys override earlier ones). */
export interface YMap {
  readonly kind: "map";
  readonly entries: readonly YEntry[];
  readonly offset: number;
}

/** A sequence. */
export interface YSeq {
  readonly kind: "seq";
  readonly items: readonly YNode[];
  readonly offset: number;
}

/** Any node. */
export type YNode = YScalar | YMap | YSeq;

/** The JSON kind Go's encoding/json names in type errors (`cannot unmarshal bool into ...`). */
export function jsonKind(node: YNode): "object" | "array" | "string" | "number" | "bool" | "null" {
  if (node.kind === "map") return "object";
  if (node.kind === "seq") return "array";
  if (node.value === null) return "null";
  if (typeof node.value === "string") return "string";
  if (typeof node.value === "boolean") return "bool";
  return "number";
}

/** Looks a key up in a mapping (last one wins, as in Go maps). */
export function entry(map: YMap, key: string): YEntry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const e = map.entries[i];
    if (e && e.key === key) return e;
  }
  return undefined;
}

/** True for a null scalar: Go's JSON decoder leaves the field alone. */
export function isNull(node: YNode): boolean {
  return node.kind === "scalar" && node.value === null;
}
