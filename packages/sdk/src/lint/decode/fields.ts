/**
 * Decoders for field types, as Go's encoding/json applies them after sigs.k8s.io/yaml has
 * turned the YAML into JSON. `coerce` is true where sigs.k8s.io/yaml can see a string target
 * (plain structs outside steps) and turns YAML numbers and bools into strings.
 *
 * @see https://github.com/kubernetes-sigs/yaml/blob/v1.6.0/yaml.go
 */
import { goFormatFloat } from "../../go/format.ts";
import { jsonKind, type YNode } from "../../yaml/ynode.ts";
import { type DecodeState, type GoWhere, link, put, typeError } from "./context.ts";

/** Decodes one field value. Returns undefined when Go would leave the field unset (null). */
export type FieldDecoder = (node: YNode, where: GoWhere, state: DecodeState) => unknown;

/** Converts a node to plain JSON-like values without checking anything. */
export function toJs(node: YNode, state: DecodeState): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq")
    return link(
      state,
      node.items.map((item) => toJs(item, state)),
      node,
    );
  const out: Record<string, unknown> = {};
  for (const e of node.entries) put(out, e.key, toJs(e.value, state));
  return link(state, out, node);
}

/** A Go `string`. */
export function str(coerce: boolean): FieldDecoder {
  return (node, where) => {
    if (node.kind === "scalar") {
      if (node.value === null) return undefined;
      if (typeof node.value === "string") return node.value;
      if (coerce) {
        if (typeof node.value === "boolean") return String(node.value);
        return node.tag === "int" ? String(node.value) : goFormatFloat(node.value, 32);
      }
    }
    throw typeError(jsonKind(node), where, "string", node.offset);
  };
}

/** A Go `bool`. */
export const bool: FieldDecoder = (node, where) => {
  if (node.kind === "scalar" && (node.value === null || typeof node.value === "boolean")) return node.value ?? undefined;
  throw typeError(jsonKind(node), where, "bool", node.offset);
};

/** A Go `int`. Integral floats pass: go-yaml v2's round trip writes `1.0` as `1`. */
export const int: FieldDecoder = (node, where) => {
  if (node.kind === "scalar") {
    if (node.value === null) return undefined;
    if (typeof node.value === "number") {
      if (Number.isInteger(node.value)) return node.value;
      throw typeError(`number ${goFormatFloat(node.value)}`, where, "int", node.offset);
    }
  }
  throw typeError(jsonKind(node), where, "int", node.offset);
};

/** A Go slice of one element type. */
export function list(item: FieldDecoder, goType: string): FieldDecoder {
  return (node, where, state) => {
    if (node.kind === "scalar" && node.value === null) return undefined;
    if (node.kind !== "seq") throw typeError(jsonKind(node), where, goType, node.offset);
    return link(
      state,
      node.items.map((n) => item(n, where, state)),
      node,
    );
  };
}

/** A Go map with string keys and one value type. */
export function dict(value: FieldDecoder, goType: string): FieldDecoder {
  return (node, where, state) => {
    if (node.kind === "scalar" && node.value === null) return undefined;
    if (node.kind !== "map") throw typeError(jsonKind(node), where, goType, node.offset);
    const out: Record<string, unknown> = {};
    for (const e of node.entries) put(out, e.key, value(e.value, where, state));
    return link(state, out, node);
  };
}

/** Any JSON value (`interface{}`). */
export const anything: FieldDecoder = (node, _where, state) => toJs(node, state);

/** A free-form mapping such as `atc.Source` or `atc.Params`: a mapping or null. */
export function freeMap(goType: string): FieldDecoder {
  return (node, where, state) => {
    if (node.kind === "scalar" && node.value === null) return undefined;
    if (node.kind !== "map") throw typeError(jsonKind(node), where, goType, node.offset);
    return toJs(node, state);
  };
}
