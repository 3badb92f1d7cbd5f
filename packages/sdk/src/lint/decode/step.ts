/**
 * Plan items as `Step.UnmarshalJSON` decodes them: detection by precedence, each matched step
 * type decoding the remaining keys leniently (no string coercion), `malformed <key> step: `
 * around its errors, `no step configured` / `no core step type declared` when detection fails.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/steps.go
 */
import { goValue } from "../../go/format.ts";
import { jsonKind, type YEntry, type YNode } from "../../yaml/ynode.ts";
import { AGGREGATE_HINT } from "../rules/deprecated.ts";
import { isCore, STEP_FIELDS, STEP_PRECEDENCE, type StepKey } from "../step-kinds.ts";
import { DecodeFailure, type GoWhere, hasField, link, put } from "./context.ts";
import { containerLimits, getVersion, maxInFlight, putInputs } from "./custom.ts";
import { anything, bool, dict, type FieldDecoder, freeMap, int, list, str, toJs } from "./fields.ts";
import { struct } from "./struct.ts";
import { taskConfig, taskEnv } from "./task-config.ts";

const s = str(false);
const strings = list(s, "[]string");
const params = freeMap("atc.Params");

/** Decodes a nested step (`try:`, hooks, `do:` items). */
export const step: FieldDecoder = (node, _where, state) => decodeStep(node, state);

const steps = list(step, "[]atc.Step");

const acrossVar = struct({
  goName: "AcrossVarConfig",
  goType: "atc.AcrossVarConfig",
  strict: true,
  fields: { var: s, values: anything, max_in_flight: maxInFlight },
});

const parallelConfig = struct({
  goName: "target",
  goType: "atc.target",
  strict: false,
  fields: { steps, limit: int, fail_fast: bool },
});

const inParallel: FieldDecoder = (node, where, state) => {
  if (node.kind === "seq") {
    try {
      return steps(node, where, state);
    } catch (e) {
      throw e instanceof DecodeFailure ? e.wrap("failed to unmarshal parallel steps: ") : e;
    }
  }
  if (node.kind === "map") {
    try {
      return parallelConfig(node, { struct: "target", path: "" }, state);
    } catch (e) {
      throw e instanceof DecodeFailure ? e.wrap("failed to unmarshal parallel config: ") : e;
    }
  }
  throw new DecodeFailure(`wrong type for parallel config: ${goValue(toJs(node, state))}`, node.offset);
};

/** Each step type: its Go name (for type errors) and field decoders. */
const TYPES: Readonly<Record<StepKey, { goName: string; fields: Readonly<Record<string, FieldDecoder>> }>> = {
  ensure: { goName: "EnsureStep", fields: { ensure: step } },
  on_error: { goName: "OnErrorStep", fields: { on_error: step } },
  on_abort: { goName: "OnAbortStep", fields: { on_abort: step } },
  on_failure: { goName: "OnFailureStep", fields: { on_failure: step } },
  on_success: { goName: "OnSuccessStep", fields: { on_success: step } },
  across: { goName: "AcrossStep", fields: { across: list(acrossVar, "[]atc.AcrossVarConfig"), fail_fast: bool } },
  attempts: { goName: "RetryStep", fields: { attempts: int } },
  run: {
    goName: "RunStep",
    fields: { run: s, type: s, params, privileged: bool, tags: strings, container_limits: containerLimits, timeout: s },
  },
  task: {
    goName: "TaskStep",
    fields: {
      task: s,
      privileged: bool,
      config: taskConfig,
      file: s,
      vars: params,
      tags: strings,
      params: taskEnv,
      hermetic: bool,
      image: s,
      input_mapping: dict(s, "map[string]string"),
      output_mapping: dict(s, "map[string]string"),
      container_limits: containerLimits,
      timeout: s,
    },
  },
  put: {
    goName: "PutStep",
    fields: { put: s, resource: s, params, inputs: putInputs, get_params: params, tags: strings, timeout: s, no_get: bool },
  },
  get: {
    goName: "GetStep",
    fields: { get: s, resource: s, version: getVersion, params, passed: strings, trigger: bool, tags: strings, timeout: s },
  },
  timeout: { goName: "TimeoutStep", fields: { timeout: s } },
  set_pipeline: {
    goName: "SetPipelineStep",
    fields: { set_pipeline: s, file: s, vars: params, var_files: strings, instance_vars: freeMap("atc.InstanceVars"), team: s },
  },
  load_var: { goName: "LoadVarStep", fields: { load_var: s, file: s, format: s, reveal: bool } },
  try: { goName: "TryStep", fields: { try: step } },
  do: { goName: "DoStep", fields: { do: steps, tags: strings } },
  in_parallel: { goName: "InParallelStep", fields: { in_parallel: inParallel, tags: strings } },
};

/** Decodes one plan item into a plain object (all of its keys kept). Throws {@link DecodeFailure}. */
export function decodeStep(node: YNode, state: Parameters<FieldDecoder>[2]): Record<string, unknown> {
  if (node.kind === "scalar" && node.value === null) throw new DecodeFailure("no step configured", node.offset);
  if (node.kind !== "map") {
    throw new DecodeFailure(`json: cannot unmarshal ${jsonKind(node)} into Go value of type map[string]json.RawMessage`, node.offset);
  }
  const remaining = new Map<string, YEntry>();
  for (const e of node.entries) remaining.set(e.key, e);
  const decoded = new Map<string, unknown>();
  let matched = false;
  let core = false;
  for (const key of STEP_PRECEDENCE) {
    if (!remaining.has(key)) continue;
    matched = true;
    const type = TYPES[key];
    for (const field of STEP_FIELDS[key]) {
      const e = remaining.get(field);
      const decode = type.fields[field];
      if (!e || !decode || !hasField(state, type.goName, field)) continue;
      const where: GoWhere = { struct: type.goName, path: field };
      try {
        decoded.set(field, decode(e.value, where, state));
      } catch (err) {
        throw err instanceof DecodeFailure ? err.wrap(`malformed ${key} step: `) : err;
      }
      remaining.delete(field);
    }
    if (isCore(key)) {
      core = true;
      break;
    }
  }
  if (!matched) {
    const hint = remaining.has("aggregate") ? AGGREGATE_HINT : undefined;
    throw new DecodeFailure("no step configured", node.offset, hint);
  }
  if (!core) throw new DecodeFailure("no core step type declared (e.g. get, put, task, etc.)", node.offset);
  const out: Record<string, unknown> = {};
  for (const e of node.entries) {
    // A null field is kept as null: the key still counts for step detection.
    put(out, e.key, decoded.has(e.key) ? (decoded.get(e.key) ?? null) : toJs(e.value, state));
  }
  return link(state, out, node);
}
