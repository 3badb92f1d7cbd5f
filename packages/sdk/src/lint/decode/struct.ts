/**
 * Go structs as encoding/json decodes them: keys matched exactly, then case-insensitively;
 * unknown keys are an error when the decoder is strict (the server's UnmarshalStrict), and
 * kept aside otherwise.
 */
import { goQuote } from "../../go/format.ts";
import { jsonKind } from "../../yaml/ynode.ts";
import { DecodeFailure, hasField, link, put, sub, typeError } from "./context.ts";
import { type FieldDecoder, toJs } from "./fields.ts";

/** How one Go struct decodes. */
export interface StructSpec {
  /** The Go struct name used in type errors (`ResourceConfig`). */
  readonly goName: string;
  /** The Go type printed when the whole value has the wrong JSON type (`atc.ResourceConfig`). */
  readonly goType: string;
  /** JSON field names and their decoders. */
  readonly fields: Readonly<Record<string, FieldDecoder>>;
  /** Unknown keys are `json: unknown field "k"` errors. */
  readonly strict: boolean;
}

/** Decodes a struct. Unknown keys of a lenient struct are kept under their own names. */
export function struct(spec: StructSpec): FieldDecoder {
  const lower = new Map<string, string>();
  for (const name of Object.keys(spec.fields)) lower.set(name.toLowerCase(), name);
  return (node, where, state) => {
    if (node.kind === "scalar" && node.value === null) return undefined;
    if (node.kind !== "map") throw typeError(jsonKind(node), where, spec.goType, node.offset);
    const out: Record<string, unknown> = {};
    for (const e of node.entries) {
      const known = Object.hasOwn(spec.fields, e.key) ? e.key : lower.get(e.key.toLowerCase());
      const name = known !== undefined && hasField(state, spec.goName, known) ? known : undefined;
      const decode = name === undefined ? undefined : spec.fields[name];
      if (name === undefined || decode === undefined) {
        if (spec.strict) throw new DecodeFailure(`json: unknown field ${goQuote(e.key)}`, e.keyOffset);
        put(out, e.key, toJs(e.value, state));
        continue;
      }
      const value = decode(e.value, sub(where, name, spec.goName), state);
      if (value !== undefined) put(out, name, value);
    }
    return link(state, out, node);
  };
}
