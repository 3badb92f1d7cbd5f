/**
 * Step schemas. A plan item is one core step (`get`, `put`, `task`, ...) plus optional
 * modifiers (`across`, `attempts`, `timeout`) and hooks (`on_success`, ...), all as keys of
 * one mapping, exactly as Concourse reads it.
 *
 * Hooks and nested plans are recursive. The step *types* are inferred from the schemas
 * below; the recursive hook fields are declared once in {@link StepHooks}, because
 * TypeScript cannot infer a type that refers to itself.
 *
 * @see https://concourse-ci.org/steps.html
 */
import { z } from "zod";
import { Config, Duration, JsonValue, Tags, Version } from "./common.ts";
import { keyedUnion } from "./keyed-union.ts";
import { ContainerLimits, TaskConfig, TaskParams } from "./task-config.ts";

/** The hooks every step may carry. @see https://concourse-ci.org/modifier-and-hook-steps.html */
export interface StepHooks {
  /** Runs when the step succeeds. */
  on_success?: Step | undefined;
  /** Runs when the step fails. */
  on_failure?: Step | undefined;
  /** Runs when the step errors. */
  on_error?: Step | undefined;
  /** Runs when the build is aborted during the step. */
  on_abort?: Step | undefined;
  /** Always runs after the step. */
  ensure?: Step | undefined;
}

/** A reference to the step schema, resolved lazily so that steps can nest. */
const StepRef: z.ZodType<Step> = z.lazy(() => Step);

const hookShape = {
  on_success: StepRef.optional(),
  on_failure: StepRef.optional(),
  on_error: StepRef.optional(),
  on_abort: StepRef.optional(),
  ensure: StepRef.optional(),
};

/** One variable of an `across` step. @see https://concourse-ci.org/across-step.html */
export const AcrossVar = z
  .strictObject({
    var: z.string(),
    values: JsonValue,
    max_in_flight: z.union([z.number().int(), z.literal("all")]).optional(),
  })
  .meta({ id: "AcrossVar" });
/** One variable of an `across` step. */
export type AcrossVar = z.infer<typeof AcrossVar>;

/** Modifiers any step may carry. */
const modifierShape = {
  across: z.array(AcrossVar).optional(),
  fail_fast: z.boolean().optional(),
  attempts: z.number().int().optional(),
  timeout: Duration.optional(),
};

/** Fetches a version of a resource. @see https://concourse-ci.org/get-step.html */
export const GetStepCore = z.strictObject({
  get: z.string(),
  resource: z.string().optional(),
  version: z.union([z.literal("latest"), z.literal("every"), Version]).optional(),
  params: Config.optional(),
  passed: z.array(z.string()).optional(),
  trigger: z.boolean().optional(),
  tags: Tags.optional(),
  ...modifierShape,
});
/** A `get` step. */
export interface GetStep extends z.infer<typeof GetStepCore>, StepHooks {}

/** Pushes to a resource, then fetches what was pushed. @see https://concourse-ci.org/put-step.html */
export const PutStepCore = z.strictObject({
  put: z.string(),
  resource: z.string().optional(),
  params: Config.optional(),
  inputs: z.union([z.literal("all"), z.literal("detect"), z.array(z.string())]).optional(),
  get_params: Config.optional(),
  no_get: z.boolean().optional(),
  tags: Tags.optional(),
  ...modifierShape,
});
/** A `put` step. */
export interface PutStep extends z.infer<typeof PutStepCore>, StepHooks {}

/** Runs a task. @see https://concourse-ci.org/task-step.html */
export const TaskStepCore = z.strictObject({
  task: z.string(),
  file: z.string().optional(),
  config: TaskConfig.optional(),
  image: z.string().optional(),
  privileged: z.boolean().optional(),
  hermetic: z.boolean().optional(),
  params: TaskParams.optional(),
  vars: Config.optional(),
  input_mapping: z.record(z.string(), z.string()).optional(),
  output_mapping: z.record(z.string(), z.string()).optional(),
  container_limits: ContainerLimits.optional(),
  tags: Tags.optional(),
  ...modifierShape,
});
/** A `task` step. */
export interface TaskStep extends z.infer<typeof TaskStepCore>, StepHooks {}

/** Configures a pipeline from a file. @see https://concourse-ci.org/set-pipeline-step.html */
export const SetPipelineStepCore = z.strictObject({
  set_pipeline: z.string(),
  file: z.string(),
  vars: Config.optional(),
  var_files: z.array(z.string()).optional(),
  team: z.string().optional(),
  instance_vars: Config.optional(),
  ...modifierShape,
});
/** A `set_pipeline` step. */
export interface SetPipelineStep extends z.infer<typeof SetPipelineStepCore>, StepHooks {}

/** Loads a file's content into a local var `((.:name))`. @see https://concourse-ci.org/load-var-step.html */
export const LoadVarStepCore = z.strictObject({
  load_var: z.string(),
  file: z.string(),
  format: z.union([z.literal("raw"), z.literal("trim"), z.literal("yml"), z.literal("yaml"), z.literal("json")]).optional(),
  reveal: z.boolean().optional(),
  ...modifierShape,
});
/** A `load_var` step. */
export interface LoadVarStep extends z.infer<typeof LoadVarStepCore>, StepHooks {}

/** The object form of `in_parallel`. */
export const InParallelConfig = z.looseObject({
  steps: z.array(StepRef),
  limit: z.number().int().optional(),
  fail_fast: z.boolean().optional(),
});
/** The object form of `in_parallel`. */
export type InParallelConfig = z.infer<typeof InParallelConfig>;

/** Runs steps in parallel. @see https://concourse-ci.org/in-parallel-step.html */
export const InParallelStepCore = z.strictObject({
  in_parallel: z.union([z.array(StepRef), InParallelConfig]),
  tags: Tags.optional(),
  ...modifierShape,
});
/** An `in_parallel` step. */
export interface InParallelStep extends z.infer<typeof InParallelStepCore>, StepHooks {}

/** Runs steps in sequence. @see https://concourse-ci.org/do-step.html */
export const DoStepCore = z.strictObject({
  do: z.array(StepRef),
  tags: Tags.optional(),
  ...modifierShape,
});
/** A `do` step. */
export interface DoStep extends z.infer<typeof DoStepCore>, StepHooks {}

/** Runs a step and ignores its failure. @see https://concourse-ci.org/try-step.html */
export const TryStepCore = z.strictObject({
  try: StepRef,
  ...modifierShape,
});
/** A `try` step. */
export interface TryStep extends z.infer<typeof TryStepCore>, StepHooks {}

/** Runs a prototype's message (experimental, RFC #37). */
export const RunStepCore = z.strictObject({
  run: z.string(),
  type: z.string(),
  params: Config.optional(),
  privileged: z.boolean().optional(),
  container_limits: ContainerLimits.optional(),
  tags: Tags.optional(),
  ...modifierShape,
});
/** A `run` step (experimental). */
export interface RunStep extends z.infer<typeof RunStepCore>, StepHooks {}

/** Any step of a plan. */
export type Step = GetStep | PutStep | TaskStep | SetPipelineStep | LoadVarStep | InParallelStep | DoStep | TryStep | RunStep;

/** Each step schema (core, modifiers and hooks) by its core key. */
const STEP_MEMBERS = {
  get: GetStepCore.extend(hookShape),
  put: PutStepCore.extend(hookShape),
  task: TaskStepCore.extend(hookShape),
  set_pipeline: SetPipelineStepCore.extend(hookShape),
  load_var: LoadVarStepCore.extend(hookShape),
  in_parallel: InParallelStepCore.extend(hookShape),
  do: DoStepCore.extend(hookShape),
  try: TryStepCore.extend(hookShape),
  run: RunStepCore.extend(hookShape),
};

/** The key that names each core step, in Concourse's precedence order. */
export const CORE_STEP_KEYS = ["run", "task", "put", "get", "set_pipeline", "load_var", "try", "do", "in_parallel"] as const;

/**
 * The schema of any step. Each member is strict, so a step with a misspelt key, or with
 * two core keys, matches none; parsing goes to the member of the step's first core key in
 * Concourse's precedence (see {@link keyedUnion}).
 */
export const Step: z.ZodType<Step> = keyedUnion(
  z
    .union([
      STEP_MEMBERS.get,
      STEP_MEMBERS.put,
      STEP_MEMBERS.task,
      STEP_MEMBERS.set_pipeline,
      STEP_MEMBERS.load_var,
      STEP_MEMBERS.in_parallel,
      STEP_MEMBERS.do,
      STEP_MEMBERS.try,
      STEP_MEMBERS.run,
    ])
    .meta({ id: "Step", title: "Step" }),
  CORE_STEP_KEYS.map((key) => [key, STEP_MEMBERS[key]] as const),
);

/**
 * The strict object schema of the step kind `value` is, chosen as Concourse does (its
 * first core key in precedence order); undefined when it has no core key. For checking
 * some keys of a step (its `extra`) without parsing the rest of it.
 */
export function stepMemberOf(value: unknown): z.ZodObject | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const key = CORE_STEP_KEYS.find((k) => Object.hasOwn(value, k));
  return key === undefined ? undefined : STEP_MEMBERS[key];
}

/** A core step key. */
export type CoreStepKey = (typeof CORE_STEP_KEYS)[number];

/** The hook keys, in the order Concourse applies them. */
export const HOOK_KEYS = ["on_success", "on_failure", "on_error", "on_abort", "ensure"] as const;
/** A hook key. */
export type HookKey = (typeof HOOK_KEYS)[number];
