/**
 * Stage 2 of `sdk lint`: decoding into Concourse's config structs as the server does
 * (`atc.UnmarshalConfig`): unknown top-level keys dropped (a warning here), every struct
 * below strict and case-insensitive, YAML numbers and bools coerced into string fields of
 * plain structs, steps decoded by {@link decodeStep}.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/config.go
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/job_config.go
 */
import type { YMap } from "../../yaml/ynode.ts";
import { DecodeFailure, type DecodeState, type GoWhere, hasField, link, put } from "./context.ts";
import { checkEvery } from "./custom.ts";
import { anything, bool, dict, type FieldDecoder, freeMap, int, list, str } from "./fields.ts";
import { step } from "./step.ts";
import { struct } from "./struct.ts";

const cs = str(true);
const coercedStrings = list(cs, "[]string");
const source = freeMap("atc.Source");

const group = struct({
  goName: "GroupConfig",
  goType: "atc.GroupConfig",
  strict: true,
  fields: { name: cs, jobs: coercedStrings, resources: coercedStrings },
});

const varSource = struct({
  goName: "VarSourceConfig",
  goType: "atc.VarSourceConfig",
  strict: true,
  fields: { name: cs, type: cs, config: anything },
});

const resource = struct({
  goName: "ResourceConfig",
  goType: "atc.ResourceConfig",
  strict: true,
  fields: {
    name: cs,
    old_name: cs,
    public: bool,
    webhook_token: cs,
    type: cs,
    source,
    check_every: checkEvery,
    check_timeout: cs,
    tags: coercedStrings,
    version: dict(cs, "atc.Version"),
    icon: cs,
    expose_build_created_by: bool,
  },
});

const resourceTypeFields = {
  name: cs,
  type: cs,
  source,
  defaults: source,
  privileged: bool,
  check_every: checkEvery,
  tags: coercedStrings,
  params: freeMap("atc.Params"),
};

const resourceType = struct({ goName: "ResourceType", goType: "atc.ResourceType", strict: true, fields: resourceTypeFields });
const prototype = struct({ goName: "Prototype", goType: "atc.Prototype", strict: true, fields: resourceTypeFields });

const display = struct({
  goName: "DisplayConfig",
  goType: "atc.DisplayConfig",
  strict: true,
  fields: { background_image: cs, background_filter: cs },
});

const retention = struct({
  goName: "BuildLogRetention",
  goType: "atc.BuildLogRetention",
  strict: true,
  fields: { builds: int, minimum_succeeded_builds: int, days: int },
});

const job = struct({
  goName: "JobConfig",
  goType: "atc.JobConfig",
  strict: true,
  fields: {
    name: cs,
    old_name: cs,
    public: bool,
    disable_manual_trigger: bool,
    disable_reruns: bool,
    serial: bool,
    interruptible: bool,
    serial_groups: coercedStrings,
    max_in_flight: int,
    build_logs_to_retain: int,
    build_log_retention: retention,
    tags: coercedStrings,
    plan: list(step, "[]atc.Step"),
    on_success: step,
    on_failure: step,
    on_error: step,
    on_abort: step,
    ensure: step,
  },
});

/** The list-valued top-level keys, with the decoder of one element. */
const TOP_LISTS: Readonly<Record<string, FieldDecoder>> = {
  groups: group,
  var_sources: varSource,
  resources: resource,
  resource_types: resourceType,
  prototypes: prototype,
  jobs: job,
};

/** Every top-level key the server keeps. */
const TOP: Readonly<Record<string, FieldDecoder>> = {
  groups: list(group, "atc.GroupConfigs"),
  var_sources: list(varSource, "atc.VarSourceConfigs"),
  resources: list(resource, "atc.ResourceConfigs"),
  resource_types: list(resourceType, "atc.ResourceTypes"),
  prototypes: list(prototype, "atc.Prototypes"),
  jobs: list(job, "atc.JobConfigs"),
  display,
  user_data: anything,
};

/** A decode error, or a dropped top-level key. */
export interface DecodeProblem {
  readonly kind: "error" | "unknown-top-level-key";
  readonly message: string;
  readonly offset: number;
  readonly hint?: string | undefined;
}

/** What decoding produced. */
export interface Decoded {
  /** The config as Concourse would hold it (coerced strings), when decoding succeeded. */
  readonly config: Record<string, unknown> | undefined;
  readonly problems: readonly DecodeProblem[];
}

/**
 * Decodes the top-level mapping. Each list item (resource, job...) is decoded on its own so
 * that independent decode errors are all reported; Concourse itself stops at the first.
 */
export function decodePipeline(root: YMap | undefined, state: DecodeState): Decoded {
  const problems: DecodeProblem[] = [];
  const config: Record<string, unknown> = {};
  if (root) state.nodes.set(config, root);
  const lower = new Map(Object.keys(TOP).map((k) => [k, k]));
  for (const e of root?.entries ?? []) {
    const known = lower.get(e.key.toLowerCase());
    const key = known !== undefined && hasField(state, "Config", known) ? known : undefined;
    const decode = key === undefined ? undefined : TOP[key];
    if (key === undefined || decode === undefined) {
      problems.push({ kind: "unknown-top-level-key", message: e.key, offset: e.keyOffset });
      continue;
    }
    const where: GoWhere = { struct: "Config", path: key };
    const element = TOP_LISTS[key];
    if (e.value.kind === "seq" && element) {
      const items = link(state, [] as unknown[], e.value);
      for (const item of e.value.items) {
        try {
          const value = element(item, where, state);
          items.push(value ?? {});
        } catch (err) {
          if (!(err instanceof DecodeFailure)) throw err;
          problems.push({ kind: "error", message: err.message, offset: err.offset, hint: err.hint });
        }
      }
      put(config, key, items);
      continue;
    }
    try {
      const value = decode(e.value, where, state);
      if (value !== undefined) put(config, key, value);
    } catch (err) {
      if (!(err instanceof DecodeFailure)) throw err;
      problems.push({ kind: "error", message: err.message, offset: err.offset, hint: err.hint });
    }
  }
  return { config: problems.some((p) => p.kind === "error") ? undefined : config, problems };
}
