/**
 * The canonical key order of a rendered pipeline: one key list per kind of object.
 * `shapes.ts` says which kind sits where; `canonical.ts` and the YAML emitter apply it.
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
import { type CoreStepKey, HOOK_KEYS } from "../model/step.ts";

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
