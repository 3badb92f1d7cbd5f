/**
 * A scalar's text and style to the value go-yaml v2 gives it: `!!str` and quoted or block
 * scalars without a tag are strings, the rest go through YAML 1.1 resolution.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/decode.go (scalar)
 */
import { isSurelyString, resolvePlainScalar } from "../yaml11/resolve.ts";
import type { YScalar } from "./ynode.ts";

/**
 * Builds a scalar node; ±Inf and NaN go to `nonFinite` as well. `tag` is the short tag
 * (`str` for `!!str`, `!local` as written) or undefined when there is none.
 */
export function toScalar(text: string, plain: boolean, tag: string | undefined, offset: number, nonFinite: YScalar[]): YScalar {
  if (tag === "str" || (!plain && tag === undefined) || isSurelyString(text)) return { kind: "scalar", value: text, tag: "str", offset };
  const resolved = resolvePlainScalar(text);
  if (resolved.tag === "merge") return { kind: "scalar", value: "<<", tag: "str", offset };
  const out: YScalar = { kind: "scalar", value: resolved.value, tag: resolved.tag, offset };
  if (typeof resolved.value === "number" && !Number.isFinite(resolved.value)) nonFinite.push(out);
  return out;
}
