/**
 * What every decoder shares: the failure it throws (caught at the nearest independent unit),
 * where it is in Go's terms (for `Go struct field X.a.b` messages), and the map from decoded
 * values back to YAML nodes (for positions).
 */

import type { YMap, YNode, YSeq } from "../../yaml/ynode.ts";
import { type ConcourseVersion, type Feature, supports } from "../concourse-version.ts";

/** The prefix the server puts before decode errors. */
export const DECODE_PREFIX = "error unmarshaling JSON: while decoding JSON: ";

/** A decode error at a node. Internal: always caught and turned into a diagnostic. */
export class DecodeFailure {
  /** The message without Concourse's `error unmarshaling JSON: while decoding JSON: ` prefix. */
  readonly message: string;
  /** Offset of the offending node. */
  readonly offset: number;
  /** How to fix it, when there is more to say. */
  readonly hint: string | undefined;

  constructor(message: string, offset: number, hint?: string) {
    this.message = message;
    this.offset = offset;
    this.hint = hint;
  }

  /** The same failure with a prefix, as Go's `fmt.Errorf("...: %w", err)` builds it. */
  wrap(prefix: string): DecodeFailure {
    return new DecodeFailure(`${prefix}${this.message}`, this.offset, this.hint);
  }
}

/** Where a decoder is: the innermost Go struct and the JSON field path from the decode root. */
export interface GoWhere {
  readonly struct: string;
  readonly path: string;
}

/** Links decoded objects and arrays to the YAML nodes they came from. */
export type NodeIndex = WeakMap<object, YMap | YSeq>;

/** State shared by one decode. */
export interface DecodeState {
  /** Decoded values to nodes. */
  readonly nodes: NodeIndex;
  /** The Concourse version decoding for; undefined for the newest. */
  readonly version?: ConcourseVersion | undefined;
}

/** Fields that older Concourse versions do not have, by `GoStruct.field`. */
const FIELDS_SINCE: Readonly<Record<string, Feature>> = {
  "Config.user_data": "userData",
  "JobConfig.disable_reruns": "disableReruns",
  "JobConfig.tags": "groupTags",
  "DoStep.tags": "groupTags",
  "InParallelStep.tags": "groupTags",
  "TaskCacheConfig.ttl": "cacheTtl",
  "TaskStep.hermetic": "hermetic",
};

/** True when the version decoded for has the field (an unknown field otherwise). */
export function hasField(state: DecodeState, goStruct: string, field: string): boolean {
  const feature = FIELDS_SINCE[`${goStruct}.${field}`];
  return feature === undefined || supports(state.version, feature);
}

/** Records that `value` was decoded from `node`, and returns it. */
export function link<T extends object>(state: DecodeState, value: T, node: YNode): T {
  if (node.kind !== "scalar") state.nodes.set(value, node);
  return value;
}

/** `json: cannot unmarshal <kind> into Go struct field S.a.b of type T`. */
export function typeError(kind: string, where: GoWhere, goType: string, offset: number): DecodeFailure {
  const field = where.path === "" ? `Go value` : `Go struct field ${where.struct}.${where.path}`;
  return new DecodeFailure(`json: cannot unmarshal ${kind} into ${field} of type ${goType}`, offset);
}

/** Extends a Go field path (`jobs` + `plan` gives `jobs.plan`). */
export function sub(where: GoWhere, field: string, struct?: string): GoWhere {
  return { struct: struct ?? where.struct, path: where.path === "" ? field : `${where.path}.${field}` };
}

/** Sets a property, safe for `__proto__` and friends. */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  // Only `__proto__` is an accessor on Object.prototype; a plain assignment is much faster for the rest.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
