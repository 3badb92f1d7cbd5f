export { CheckEvery, Config, Duration, JsonValue, Tags, Version } from "./common.ts";
export { BuildLogRetention, Job } from "./job.ts";
export { pipelineJsonSchema } from "./json-schema.ts";
export { Display, Group, PipelineConfig, VarSource } from "./pipeline.ts";
export { Prototype, Resource, ResourceType } from "./resource.ts";
export {
  AcrossVar,
  CORE_STEP_KEYS,
  type CoreStepKey,
  type DoStep,
  DoStepCore,
  type GetStep,
  GetStepCore,
  HOOK_KEYS,
  type HookKey,
  InParallelConfig,
  type InParallelStep,
  InParallelStepCore,
  type LoadVarStep,
  LoadVarStepCore,
  type PutStep,
  PutStepCore,
  type RunStep,
  RunStepCore,
  type SetPipelineStep,
  SetPipelineStepCore,
  Step,
  type StepHooks,
  type TaskStep,
  TaskStepCore,
  type TryStep,
  TryStepCore,
} from "./step.ts";
export {
  ContainerLimits,
  ImageResource,
  TaskCache,
  TaskConfig,
  TaskInput,
  TaskOutput,
  TaskParams,
  TaskRun,
} from "./task-config.ts";
