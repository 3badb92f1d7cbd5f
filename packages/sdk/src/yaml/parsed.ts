/**
 * What reading a YAML file gives the rest of contrail, whichever reader produced it (the
 * fast reader of `fast-reader.ts` or the `yaml` package in `yaml-package-reader.ts`).
 */
import type { LineIndex } from "./line-index.ts";
import type { YNode, YScalar } from "./ynode.ts";

/** A problem found while reading the YAML, at a source offset. */
export interface YamlProblem {
  /** `yaml-syntax`, `yaml-duplicate-key`, `yaml-invalid-key` or `yaml-top-level`. */
  readonly code: string;
  /** The message, in go-yaml's words where it has some. */
  readonly message: string;
  /** Offset of the offending node. */
  readonly offset: number;
}

/** The result of reading a file. */
export interface ParsedYaml {
  /** The top-level node; undefined for an empty document or when the YAML is unusable. */
  readonly root: YNode | undefined;
  /** Problems that make fly refuse the file before decoding. */
  readonly problems: readonly YamlProblem[];
  /** Scalars that are ±Inf or NaN, which fail the YAML-to-JSON conversion. */
  readonly nonFinite: readonly YScalar[];
  /** Maps offsets to 1-based line and column. */
  readonly lines: LineIndex;
  /** Each anchor's node (the last one of a name wins, as aliases after it see it); for `sdk import`. */
  readonly anchors?: ReadonlyMap<string, YNode>;
  /** Where a second YAML document starts, which Concourse ignores (with the rest). */
  readonly laterDocument?: number | undefined;
}

/**
 * The last step of both readers: a top level that is neither a mapping nor empty is what
 * fly's `yaml.Unmarshal` into a map refuses.
 */
export function topLevelProblem(root: YNode | undefined): YamlProblem | undefined {
  if (!root || root.kind === "map" || (root.kind === "scalar" && root.value === null)) return undefined;
  const tag = root.kind === "seq" ? "!!seq" : `!!${root.tag}`;
  return { code: "yaml-top-level", message: `cannot unmarshal ${tag} into map[string]interface {}`, offset: root.offset };
}
