/**
 * Concourse's step detection (`Step.UnmarshalJSON`): the keys of a plan item are matched
 * against step types in a fixed precedence; wrappers (hooks, `across`, `attempts`,
 * `timeout`) wrap what follows, the first core step ends the walk, and keys left over become
 * `unknown fields`. Used by the decoder (on YAML) and by the validator (on plain objects).
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/steps.go
 */

import { type ConcourseVersion, supports } from "./concourse-version.ts";

/** The detector keys, in Concourse's `StepPrecedence` order. */
export const STEP_PRECEDENCE = [
  "ensure",
  "on_error",
  "on_abort",
  "on_failure",
  "on_success",
  "across",
  "attempts",
  "run",
  "task",
  "put",
  "get",
  "timeout",
  "set_pipeline",
  "load_var",
  "try",
  "do",
  "in_parallel",
] as const;

/** A detector key. */
export type StepKey = (typeof STEP_PRECEDENCE)[number];

/** The core step keys: the walk stops at the first one. */
export type CoreKey = "run" | "task" | "put" | "get" | "set_pipeline" | "load_var" | "try" | "do" | "in_parallel";

/** Hook keys, in the order the validator visits them (innermost first). */
export const HOOKS = ["on_success", "on_failure", "on_abort", "on_error", "ensure"] as const;

/** The JSON keys each step type owns (removed from the remaining keys once matched). */
export const STEP_FIELDS: Readonly<Record<StepKey, readonly string[]>> = {
  ensure: ["ensure"],
  on_error: ["on_error"],
  on_abort: ["on_abort"],
  on_failure: ["on_failure"],
  on_success: ["on_success"],
  across: ["across", "fail_fast"],
  attempts: ["attempts"],
  run: ["run", "type", "params", "privileged", "tags", "container_limits", "timeout"],
  task: [
    "task",
    "privileged",
    "config",
    "file",
    "vars",
    "tags",
    "params",
    "hermetic",
    "image",
    "input_mapping",
    "output_mapping",
    "container_limits",
    "timeout",
  ],
  put: ["put", "resource", "params", "inputs", "get_params", "tags", "timeout", "no_get"],
  get: ["get", "resource", "version", "params", "passed", "trigger", "tags", "timeout"],
  timeout: ["timeout"],
  set_pipeline: ["set_pipeline", "file", "vars", "var_files", "instance_vars", "team"],
  load_var: ["load_var", "file", "format", "reveal"],
  try: ["try"],
  do: ["do", "tags"],
  in_parallel: ["in_parallel", "tags"],
};

const CORE: ReadonlySet<string> = new Set<CoreKey>(["run", "task", "put", "get", "set_pipeline", "load_var", "try", "do", "in_parallel"]);

/** True for a core step key. */
export function isCore(key: string): key is CoreKey {
  return CORE.has(key);
}

/** What a plan item turned out to be. */
export interface DetectedStep {
  /** The core step, if any. */
  readonly core: CoreKey | undefined;
  /** Wrappers matched before the core step, outermost first. */
  readonly wrappers: readonly StepKey[];
  /** Keys no matched step type owns, in source order. */
  readonly unknown: readonly string[];
}

// The fields each core step owns, as sets; `do` and `in_parallel` without `tags` for
// versions before v8.3.
const CORE_FIELDS = new Map<string, ReadonlySet<string>>([...CORE].map((key) => [key, new Set(STEP_FIELDS[key as CoreKey])]));
const UNTAGGED_FIELDS = new Map<string, ReadonlySet<string>>(
  (["do", "in_parallel"] as const).map((key) => [key, new Set(STEP_FIELDS[key].filter((f) => f !== "tags"))]),
);

/**
 * Runs the detection on the keys of a plan item. Before v8.3 `do` and `in_parallel` have no
 * `tags`, so there it is an unknown field.
 *
 * Every lint rule detects every step, so this avoids building sets: no wrapper owns another
 * detector key, so a detector key is still unmatched exactly when the item has it, and a
 * key is unknown when neither the core step nor a matched wrapper owns it.
 */
export function detectStep(keys: readonly string[], version?: ConcourseVersion): DetectedStep {
  // Plans repeat the same few key sets thousands of times; the answer depends only on them.
  // Found along a trie of the keys: no key string is joined and hashed for each step.
  const tagged = supports(version, "groupTags");
  let node = DETECTED;
  for (const key of keys) {
    let child = node.next.get(key);
    if (child === undefined) {
      // Bounded: a hostile file with a new key set on every step is detected uncached.
      if (detectedNodes >= MAX_DETECTED_NODES) return detect(keys, version);
      child = { next: new Map() };
      node.next.set(key, child);
      detectedNodes++;
    }
    node = child;
  }
  const known = tagged ? node.tagged : node.untagged;
  if (known) return known;
  const detected = detect(keys, version);
  if (tagged) node.tagged = detected;
  else node.untagged = detected;
  return detected;
}

/** A node of the detection memo: the key sets that begin with the keys on its way. */
interface DetectedNode {
  readonly next: Map<string, DetectedNode>;
  tagged?: DetectedStep;
  untagged?: DetectedStep;
}

const DETECTED: DetectedNode = { next: new Map() };
let detectedNodes = 0;
const MAX_DETECTED_NODES = 20_000;

/**
 * Each step object's detection, remembered during {@link withStepDetection}: validation and
 * the rules each walk every step again, and listing and joining its keys costs far more
 * than looking the object up (a 2,000-job render detected 100,000 steps). One map per
 * answer the version can change (`tags` on `do` and `in_parallel`).
 */
let perStep: { readonly tagged: WeakMap<object, DetectedStep>; readonly untagged: WeakMap<object, DetectedStep> } | undefined;

/**
 * Runs `fn` with {@link detectStepOf} remembering each step object's answer: for one lint
 * run, in which the config does not change.
 */
export function withStepDetection<T>(fn: () => T): T {
  const outer = perStep;
  perStep = { tagged: new WeakMap(), untagged: new WeakMap() };
  try {
    return fn();
  } finally {
    perStep = outer;
  }
}

/** {@link detectStep} of a step object's keys, remembered per object during {@link withStepDetection}. */
export function detectStepOf(step: Readonly<Record<string, unknown>>, version?: ConcourseVersion): DetectedStep {
  const cache = perStep === undefined ? undefined : supports(version, "groupTags") ? perStep.tagged : perStep.untagged;
  const known = cache?.get(step);
  if (known !== undefined) return known;
  const detected = detectStep(Object.keys(step), version);
  cache?.set(step, detected);
  return detected;
}

function detect(keys: readonly string[], version: ConcourseVersion | undefined): DetectedStep {
  const wrappers: StepKey[] = [];
  let core: CoreKey | undefined;
  for (const key of STEP_PRECEDENCE) {
    if (!keys.includes(key)) continue;
    if (isCore(key)) {
      core = key;
      break;
    }
    wrappers.push(key);
  }
  // Frozen: the answer is shared by every step with these keys.
  if (core === undefined) return Object.freeze({ core, wrappers: Object.freeze(wrappers), unknown: Object.freeze([]) });
  const fields = (!supports(version, "groupTags") && UNTAGGED_FIELDS.get(core)) || (CORE_FIELDS.get(core) as ReadonlySet<string>);
  const unknown: string[] = [];
  for (const key of keys) {
    if (!fields.has(key) && !wrappers.some((w) => STEP_FIELDS[w].includes(key))) unknown.push(key);
  }
  return Object.freeze({ core, wrappers: Object.freeze(wrappers), unknown: Object.freeze(unknown) });
}
