/**
 * Reads pipeline YAML the way Concourse does (go-yaml v2, YAML 1.1: `on` is `true`, `0755`
 * is 511, quoted scalars are strings, aliases and `<<` merges expanded, keys turned into
 * strings), into plain JSON-like values. Reuses the linter's reader.
 *
 * @see https://concourse-ci.org/config-basics.html
 */
import { CliError } from "../io/errors.ts";
import { parseYaml } from "../yaml/parse.ts";
import type { YNode } from "../yaml/ynode.ts";

/** A JSON-like value, as Concourse's YAML-to-JSON step produces it. */
export type Value = null | boolean | number | string | readonly Value[] | { readonly [key: string]: Value };

/** A mapping value. */
export type Mapping = { readonly [key: string]: Value };

/** True for a mapping (not a list, not a scalar). */
export function isMapping(value: Value | undefined): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses the first YAML document of `text`. Throws a one-line {@link CliError} naming
 * `label` and the line when the text is not YAML, or not a mapping at the top.
 */
export function readPipelineYaml(text: string, label: string): Mapping {
  const parsed = parseYaml(text);
  const problem = parsed.problems[0];
  if (problem) {
    const pos = parsed.lines.linePos(problem.offset);
    throw new CliError(`error: ${label}:${pos.line}:${pos.col}: ${problem.message}; it cannot be compared until it is valid YAML.`);
  }
  const value = parsed.root === undefined ? null : toValue(parsed.root);
  return isMapping(value) ? value : {};
}

function toValue(node: YNode): Value {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toValue);
  const out: Record<string, Value> = {};
  // Later keys win, as in a Go map.
  for (const e of node.entries) out[e.key] = toValue(e.value);
  return out;
}
