/**
 * fly's template pass on a config built in memory (a rendered pipeline.ts) rather than on a
 * file: for `sdk render --vars-inline` and `sdk graph` of a pipeline.ts.
 */
import type { YNode } from "../yaml/ynode.ts";
import { type InterpolationProblem, interpolateVars, type VarUse } from "./interpolate.ts";
import type { VarSources } from "./sources.ts";

function toNode(value: unknown): YNode {
  if (Array.isArray(value)) return { kind: "seq", items: value.map(toNode), offset: 0 };
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, v]) => ({ key, keyOffset: 0, value: toNode(v) }));
    return { kind: "map", entries, offset: 0 };
  }
  if (typeof value === "string") return { kind: "scalar", value, tag: "str", offset: 0 };
  if (typeof value === "boolean") return { kind: "scalar", value, tag: "bool", offset: 0 };
  if (typeof value === "number") return { kind: "scalar", value, tag: Number.isInteger(value) ? "int" : "float", offset: 0 };
  return { kind: "scalar", value: null, tag: "null", offset: 0 };
}

function toValue(node: YNode): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toValue);
  const out: Record<string, unknown> = {};
  for (const e of node.entries)
    Object.defineProperty(out, e.key, { value: toValue(e.value), enumerable: true, writable: true, configurable: true });
  return out;
}

/** What interpolating a config gives. */
export interface InterpolatedConfig<T> {
  readonly config: T;
  readonly uses: readonly VarUse[];
  readonly problems: readonly InterpolationProblem[];
}

/** Fills the given vars into a config object (a copy), as fly would into its YAML. */
export function interpolateConfig<T>(config: T, sources: VarSources): InterpolatedConfig<T> {
  const result = interpolateVars(toNode(config), sources);
  return { config: (result.root ? toValue(result.root) : config) as T, uses: result.uses, problems: result.problems };
}
