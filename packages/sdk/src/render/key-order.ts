/**
 * The canonical key order of a rendered pipeline, and the walk that applies it.
 *
 * A pipeline built in TypeScript gets its keys in whatever order the builders set them.
 * Rendering in one fixed order makes the output reviewable (a job always reads name, then
 * settings, then plan, then hooks, like the Concourse docs), and makes diffs between two
 * renders show real changes rather than reshuffled keys. Objects are ordered by their
 * position in the tree, never by guessing from their keys, so a user's `source` that happens
 * to contain a `name` key is left alone. Steps are the exception: their kind is named by
 * their core key (`get`, `task`, ...), which is how Concourse tells them apart too.
 *
 * Free-form maps (`source`, `params`, `vars`, `version`, `user_data`, ...) keep the user's
 * order: they are usually pasted from a resource's README, and sorting them would only make
 * them harder to compare with it. (JavaScript itself lists integer-like keys such as `"10"`
 * first in ascending order; that order cannot be recovered.)
 */
import type { JsonValue } from "../model/common.ts";
import type { PipelineConfig } from "../model/pipeline.ts";
import { CORE_STEP_KEYS, type CoreStepKey, HOOK_KEYS } from "../model/step.ts";

/** Splits a space-separated key list; one table per line keeps the tables easy to scan. */
function words(list: string): readonly string[] {
  return list.split(" ");
}

/** Top level: navigation first (groups, display), then definitions in dependency order, then jobs. */
export const PIPELINE_KEYS: readonly string[] = words("groups display var_sources resource_types prototypes resources jobs user_data");
/** A resource: identity, then what it checks, then how often, then access settings. */
export const RESOURCE_KEYS: readonly string[] = words(
  "name type icon source version check_every check_timeout webhook_token tags public expose_build_created_by old_name",
);
/** A resource type (and a prototype): identity, then image source, then defaults it passes on. */
export const RESOURCE_TYPE_KEYS: readonly string[] = words("name type source privileged params check_every tags defaults");
/** A job: identity, then scheduling settings, then the plan, then its hooks in Concourse's order. */
export const JOB_KEYS: readonly string[] = [
  ...words("name old_name public serial serial_groups max_in_flight build_log_retention build_logs_to_retain"),
  ...words("disable_manual_trigger disable_reruns interruptible tags plan"),
  ...HOOK_KEYS,
];
/** A group of jobs in the web UI. */
export const GROUP_KEYS: readonly string[] = words("name jobs resources");
/** A var source: identity, then its free-form `config`. */
export const VAR_SOURCE_KEYS: readonly string[] = words("name type config");
/** Display settings, in the model's order. */
export const DISPLAY_KEYS: readonly string[] = words("background_image background_filter");
/** A job's build log retention policy, in the model's order. */
export const BUILD_LOG_RETENTION_KEYS: readonly string[] = words("builds minimum_succeeded_builds days");
/** A task config: where it runs, what it reads and writes, then what it runs (last, as it is the longest). */
export const TASK_CONFIG_KEYS: readonly string[] = words(
  "platform image_resource rootfs_uri container_limits inputs outputs caches params run",
);
/** A task's `image_resource`, ordered like a resource. */
export const IMAGE_RESOURCE_KEYS: readonly string[] = words("type name source version params tags");
/** A task's `run`: the command, then its arguments (often a long script), then where and as whom. */
export const TASK_RUN_KEYS: readonly string[] = words("path args dir user");
/** A task input. */
export const TASK_INPUT_KEYS: readonly string[] = words("name path optional");
/** A task output. */
export const TASK_OUTPUT_KEYS: readonly string[] = words("name path");
/** A task cache. */
export const TASK_CACHE_KEYS: readonly string[] = words("path ttl");
/** Container limits. */
export const CONTAINER_LIMITS_KEYS: readonly string[] = words("cpu memory");
/** One variable of an `across` modifier. */
export const ACROSS_VAR_KEYS: readonly string[] = words("var values max_in_flight");
/** The object form of `in_parallel`. */
export const IN_PARALLEL_CONFIG_KEYS: readonly string[] = words("steps limit fail_fast");
/** Step modifiers; they come after a step's own fields, since they change how the step runs, not what it does. */
export const MODIFIER_KEYS: readonly string[] = words("across fail_fast attempts timeout");

/**
 * Each step's own fields (core key, modifiers and hooks excluded), in the order the model
 * declares them, so that the rendered step reads like its documentation page.
 */
export const STEP_FIELD_KEYS: Readonly<Record<CoreStepKey, readonly string[]>> = {
  get: words("resource version params passed trigger tags"),
  put: words("resource params inputs get_params no_get tags"),
  task: words("file config image privileged hermetic params vars input_mapping output_mapping container_limits tags"),
  set_pipeline: words("file vars var_files team instance_vars"),
  load_var: words("file format reveal"),
  in_parallel: words("tags"),
  do: words("tags"),
  try: [],
  run: words("type params privileged container_limits tags"),
};

/** Where a value sits, as a linked list built on the way down; formatted only for an error. */
interface Path {
  readonly parent: Path | undefined;
  readonly key: string | number;
}

/** Copies one value into canonical order, checking on the way that it is plain JSON. */
type Walk = (value: unknown, path: Path | undefined) => JsonValue;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function childPath(parent: Path | undefined, key: string | number): Path {
  return { parent, key };
}

/** Formats a path the way JavaScript would address it: `jobs[0].plan[1].config`. */
function formatPath(path: Path | undefined): string {
  if (path === undefined) return "the top level";
  const { parent, key } = path;
  const segment = typeof key === "number" ? `[${key}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (parent === undefined) return segment;
  return segment.startsWith("[") ? formatPath(parent) + segment : `${formatPath(parent)}.${segment}`;
}

/** Sets a key without tripping `__proto__`'s setter, so user maps keep every key. */
function setKey(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function fail(path: Path | undefined, problem: string, why?: string): never {
  throw new Error(`contrail render: ${problem} at ${formatPath(path)}${why === undefined ? "" : ` (${why})`}`);
}

/** Free-form data: keeps insertion order, rejects what YAML or JSON cannot carry faithfully. */
const free: Walk = (value, path) => {
  switch (typeof value) {
    case "string":
      if (/[\uD800-\uDFFF]/u.test(value)) fail(path, "unpaired UTF-16 surrogate", "not representable in YAML or UTF-8");
      return value;
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) fail(path, `non-finite number ${value}`, "Concourse cannot store it");
      return value;
    default:
      break;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => {
      if (item === undefined) fail(childPath(path, index), "undefined in a list");
      return free(item, childPath(path, index));
    });
  }
  if (isPlainObject(value)) return freeMap(value, path);
  return fail(path, `${value === undefined ? "undefined" : typeof value} value`, "not plain JSON");
};

/** A free-form map: no known keys, so insertion order throughout. */
const freeMap: Walk = ordered([], {});

/** An object of a known kind: listed keys first, in order, then the rest in insertion order. */
function ordered(order: readonly string[], fields: Readonly<Record<string, Walk>>): Walk {
  return (value, path) => {
    if (!isPlainObject(value)) return free(value, path);
    const out: Record<string, JsonValue> = {};
    const copy = (key: string): void => {
      if (/[\uD800-\uDFFF]/u.test(key))
        fail(childPath(path, key), "unpaired UTF-16 surrogate in a key", "not representable in YAML or UTF-8");
      const item = value[key];
      if (item === undefined || Object.hasOwn(out, key)) return;
      setKey(out, key, (Object.hasOwn(fields, key) ? (fields[key] ?? free) : free)(item, childPath(path, key)));
    };
    for (const key of order) if (Object.hasOwn(value, key)) copy(key);
    for (const key of Object.keys(value)) copy(key);
    return out;
  };
}

/** A list whose items are all of one kind. */
function list(item: Walk): Walk {
  return (value, path) =>
    Array.isArray(value) ? value.map((entry: unknown, index) => item(entry, childPath(path, index))) : free(value, path);
}

/** Hooks hold one step each, on jobs and on steps alike. */
function hookFields(): Record<string, Walk> {
  return Object.fromEntries(HOOK_KEYS.map((hook) => [hook, step]));
}

const containerLimits = ordered(CONTAINER_LIMITS_KEYS, {});
const stepList: Walk = list(step);
const stepFields: Readonly<Record<string, Walk>> = {
  config: ordered(TASK_CONFIG_KEYS, {
    image_resource: ordered(IMAGE_RESOURCE_KEYS, {}),
    container_limits: containerLimits,
    inputs: list(ordered(TASK_INPUT_KEYS, {})),
    outputs: list(ordered(TASK_OUTPUT_KEYS, {})),
    caches: list(ordered(TASK_CACHE_KEYS, {})),
    run: ordered(TASK_RUN_KEYS, {}),
  }),
  container_limits: containerLimits,
  across: list(ordered(ACROSS_VAR_KEYS, {})),
  in_parallel: (value, path) =>
    Array.isArray(value) ? stepList(value, path) : ordered(IN_PARALLEL_CONFIG_KEYS, { steps: stepList })(value, path),
  do: stepList,
  try: step,
  ...hookFields(),
};

/** One walk per step kind, plus one for a step without a core key (left for lint to report). */
const stepWalks = new Map<CoreStepKey | undefined, Walk>([
  [undefined, ordered([...MODIFIER_KEYS, ...HOOK_KEYS], stepFields)],
  ...CORE_STEP_KEYS.map((core): [CoreStepKey, Walk] => [
    core,
    ordered([core, ...STEP_FIELD_KEYS[core], ...MODIFIER_KEYS, ...HOOK_KEYS], stepFields),
  ]),
]);

/** A step: its core key, its own fields, modifiers, then hooks. */
function step(value: unknown, path: Path | undefined): JsonValue {
  if (!isPlainObject(value)) return free(value, path);
  const core = CORE_STEP_KEYS.find((key) => value[key] !== undefined && Object.hasOwn(value, key));
  return (stepWalks.get(core) ?? free)(value, path);
}

const resourceType = ordered(RESOURCE_TYPE_KEYS, {});
const pipeline = ordered(PIPELINE_KEYS, {
  groups: list(ordered(GROUP_KEYS, {})),
  display: ordered(DISPLAY_KEYS, {}),
  var_sources: list(ordered(VAR_SOURCE_KEYS, {})),
  resource_types: list(resourceType),
  prototypes: list(resourceType),
  resources: list(ordered(RESOURCE_KEYS, {})),
  jobs: list(
    ordered(JOB_KEYS, {
      build_log_retention: ordered(BUILD_LOG_RETENTION_KEYS, {}),
      plan: stepList,
      ...hookFields(),
    }),
  ),
});

/**
 * Returns a copy of `config` with every object's keys in canonical order and `undefined`
 * fields dropped, ready for a serializer. Both YAML and JSON output go through it, so that
 * the two agree. Throws an Error naming the path of anything a serializer would silently
 * change: a non-finite number (`.inf` breaks Concourse), `undefined` in a list, a lone
 * surrogate, or a non-plain object.
 */
export function canonicalPipeline(config: PipelineConfig): JsonValue {
  return pipeline(config, undefined);
}
