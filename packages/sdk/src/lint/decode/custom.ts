/**
 * Types with their own `UnmarshalJSON` in atc: their error texts are Concourse's, and none
 * of them coerces YAML numbers or bools into strings.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/config.go
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/steps.go
 */
import { parseGoDuration } from "../../go/duration.ts";
import { goQuote, goTypeOf, goValue } from "../../go/format.ts";
import { isNull } from "../../yaml/ynode.ts";
import { DecodeFailure } from "./context.ts";
import { type FieldDecoder, toJs } from "./fields.ts";

/** `check_every`: `never` or a Go duration (`atc.CheckEvery`). */
export const checkEvery: FieldDecoder = (node, _where, state) => {
  if (isNull(node)) return undefined;
  if (node.kind !== "scalar" || typeof node.value !== "string") throw new DecodeFailure("non-string value provided", node.offset);
  if (node.value !== "" && node.value !== "never") {
    const parsed = parseGoDuration(node.value);
    if (!parsed.ok) throw new DecodeFailure(parsed.error, node.offset);
  }
  return toJs(node, state);
};

/** A get step's `version`: `latest`, `every` or a mapping of strings (`atc.VersionConfig`). */
export const getVersion: FieldDecoder = (node, _where, state) => {
  if (isNull(node)) return undefined;
  if (node.kind === "scalar" && typeof node.value === "string") return node.value;
  if (node.kind !== "map") throw new DecodeFailure("unknown type for version", node.offset);
  for (const e of node.entries) {
    if (e.value.kind !== "scalar" || typeof e.value.value !== "string") {
      throw new DecodeFailure(`the value ${goValue(toJs(e.value, state))} of ${e.key} is not a string`, e.value.offset);
    }
  }
  return toJs(node, state);
};

/** A put step's `inputs`: `all`, `detect` or a list of strings (`atc.InputsConfig`). */
export const putInputs: FieldDecoder = (node, _where, state) => {
  if (isNull(node)) return undefined;
  if (node.kind === "scalar" && typeof node.value === "string") return node.value;
  if (node.kind !== "seq") throw new DecodeFailure("unknown type for put inputs", node.offset);
  for (const item of node.items) {
    if (item.kind !== "scalar" || typeof item.value !== "string") {
      throw new DecodeFailure(`non-string put input: ${goValue(toJs(item, state))}`, item.offset);
    }
  }
  return toJs(node, state);
};

const MEMORY = /^([0-9]+)(([KMG])(i)?B?)?$/i;

/** `container_limits`: `cpu` a number, `memory` a number or a size such as `1GB`. */
export const containerLimits: FieldDecoder = (node, _where, state) => {
  if (isNull(node)) return undefined;
  const value = toJs(node, state);
  if (node.kind !== "map") return value;
  for (const e of node.entries) {
    const v = e.value;
    if (e.key === "cpu" && !isNull(v) && !(v.kind === "scalar" && typeof v.value === "number")) {
      throw new DecodeFailure("cpu limit must be an integer", v.offset);
    }
    if (e.key === "memory" && !isNull(v)) {
      const ok = v.kind === "scalar" && (typeof v.value === "number" || (typeof v.value === "string" && MEMORY.test(v.value)));
      if (!ok) throw new DecodeFailure("could not parse container memory limit", v.offset);
    }
  }
  return value;
};

/** A task cache `ttl` (v8.2+): a Go duration of at least one second. */
export const cacheTtl: FieldDecoder = (node, _where, state) => {
  if (isNull(node)) return undefined;
  const text = node.kind === "scalar" ? String(node.value) : goValue(toJs(node, state));
  const parsed = parseGoDuration(text);
  if (!parsed.ok) throw new DecodeFailure(`invalid cache ttl '${text}': ${parsed.error}`, node.offset);
  if (parsed.nanos < 1e9) throw new DecodeFailure(`cache ttl must be at least 1s, got '${text}'`, node.offset);
  return text;
};

/** An across var's `max_in_flight`: a number or `all`. */
export const maxInFlight: FieldDecoder = (node) => {
  if (isNull(node)) return undefined;
  if (node.kind === "scalar" && typeof node.value === "number") return node.value;
  if (node.kind === "scalar" && node.value === "all") return "all";
  const text = node.kind === "scalar" ? String(node.value) : goTypeOf(node);
  throw new DecodeFailure(`invalid max_in_flight ${goQuote(text)}`, node.offset);
};
