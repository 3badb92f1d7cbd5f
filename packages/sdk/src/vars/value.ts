/**
 * A var's value as fly holds it after reading `-v`, `-y`, `-i` or a `-l` file, with where
 * it came from. The Go type matters: embedding (`x-((v))`) accepts only strings and integer
 * types, and a number read from a vars file is a float64 (sigs.k8s.io/yaml without
 * UseNumber) while one from `-y` is a json.Number.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/vars/template.go
 */

import { goFormatFloat } from "../go/format.ts";
import type { LineIndex } from "../yaml/line-index.ts";
import type { YNode } from "../yaml/ynode.ts";

/** Where a var's value was given. */
export interface VarOrigin {
  /** `-v`, `-y`, `-i` or `-l`. */
  readonly flag: "-v" | "-y" | "-i" | "-l";
  /** The vars file, for `-l`. */
  readonly file?: string | undefined;
  /** 1-based line and column in the vars file, for `-l`. */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** How a number was decoded: a `-l` file gives float64, `-y`/`-i` give json.Number. */
export type NumberKind = "float64" | "json.Number";

/** A var value, a tree like the decoded JSON, every node with its origin. */
export type VarValue =
  | {
      readonly kind: "scalar";
      readonly value: string | number | boolean | null;
      /** For numbers: integral in the YAML (`8080`), so that re-marshalling gives an int. */
      readonly integer: boolean;
      readonly numbers: NumberKind;
      readonly origin: VarOrigin;
    }
  | { readonly kind: "map"; readonly entries: ReadonlyMap<string, VarValue>; readonly origin: VarOrigin }
  | { readonly kind: "seq"; readonly items: readonly VarValue[]; readonly origin: VarOrigin };

/** Converts a parsed YAML node into a var value, each node remembering its line in `file`. */
export function varValueFromNode(
  node: YNode,
  flag: VarOrigin["flag"],
  numbers: NumberKind,
  file?: { readonly path: string; readonly lines: LineIndex },
): VarValue {
  const origin = (offset: number): VarOrigin => {
    if (!file) return { flag };
    const pos = file.lines.linePos(offset);
    return { flag, file: file.path, line: pos.line, column: pos.col };
  };
  const convert = (n: YNode): VarValue => {
    if (n.kind === "scalar") return { kind: "scalar", value: n.value, integer: n.tag === "int", numbers, origin: origin(n.offset) };
    if (n.kind === "seq") return { kind: "seq", items: n.items.map(convert), origin: origin(n.offset) };
    const entries = new Map<string, VarValue>();
    for (const e of n.entries) entries.set(e.key, convert(e.value));
    return { kind: "map", entries, origin: origin(n.offset) };
  };
  return convert(node);
}

/** A string var (`-v NAME=STRING`). */
export function stringVar(value: string, flag: VarOrigin["flag"]): VarValue {
  return { kind: "scalar", value, integer: false, numbers: "json.Number", origin: { flag } };
}

/** Go's `%T` of the value, for fly's error messages. */
export function goTypeOf(value: VarValue): string {
  if (value.kind === "map") return "map[string]interface {}";
  if (value.kind === "seq") return "[]interface {}";
  if (value.value === null) return "<nil>";
  if (typeof value.value === "string") return "string";
  if (typeof value.value === "boolean") return "bool";
  return value.numbers;
}

/**
 * The text embedding puts in a string (`fmt.Sprintf("%v")`), or undefined when fly refuses
 * to embed the value (`cannot interpolate non-primitive value`).
 */
export function embeddedText(value: VarValue): string | undefined {
  if (value.kind !== "scalar") return undefined;
  if (typeof value.value === "string") return value.value;
  if (typeof value.value === "number" && value.numbers === "json.Number") {
    return value.integer ? String(value.value) : goFormatFloat(value.value);
  }
  return undefined;
}

/** Places a var value into the pipeline tree at `offset` (the `((var))` it replaces). */
export function varValueToNode(value: VarValue, offset: number): YNode {
  if (value.kind === "seq") return { kind: "seq", items: value.items.map((v) => varValueToNode(v, offset)), offset };
  if (value.kind === "map") {
    const entries = [...value.entries].map(([key, v]) => ({ key, keyOffset: offset, value: varValueToNode(v, offset) }));
    return { kind: "map", entries, offset };
  }
  const v = value.value;
  // go-yaml v2 re-marshals a float64 8080 as `8080`, which the server reads as an int.
  const tag =
    v === null
      ? "null"
      : typeof v === "string"
        ? "str"
        : typeof v === "boolean"
          ? "bool"
          : Number.isInteger(v) && (value.integer || value.numbers === "float64")
            ? "int"
            : "float";
  return { kind: "scalar", value: v, tag, offset };
}

/** Where a value came from, in words: `vars/prod.yml:3:5` or `-y`. */
export function describeOrigin(origin: VarOrigin): string {
  if (origin.file === undefined) return origin.flag;
  return origin.line === undefined ? origin.file : `${origin.file}:${origin.line}:${origin.column ?? 1}`;
}
