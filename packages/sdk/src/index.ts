/**
 * contrail: typed Concourse pipelines.
 *
 * Builders reference each other as objects; `Pipeline.synth()` turns them into the config
 * model (shaped like Concourse's YAML) and {@link renderPipeline} into YAML that Concourse
 * reads exactly as meant.
 *
 * @see https://concourse-ci.org/docs.html
 */

// Builders
export { AcrossVariable, type AcrossVarOptions, acrossVar } from "./builders/across.ts";
export { type Artifact, ArtifactPath } from "./builders/artifact.ts";
export {
  type DoOptions,
  DoStep,
  doSteps,
  type InParallelOptions,
  InParallelStep,
  inParallel,
  TryStep,
  tryStep,
} from "./builders/composite-steps.ts";
export { type FileMap, type GetOptions, GetStep } from "./builders/get-step.ts";
export { Job, type JobProps } from "./builders/job.ts";
export { type LoadVarOptions, LoadVarStep, loadVar } from "./builders/load-var.ts";
export { type GroupProps, Pipeline, type PipelineProps, type SynthResult, type VarSourceProps } from "./builders/pipeline.ts";
export { type PutOptions, PutStep } from "./builders/put-step.ts";
export { GettableResource, Resource, type ResourceOptions, type ResourceProps } from "./builders/resource.ts";
export { ResourceType, type ResourceTypeProps } from "./builders/resource-type.ts";
export { type SetPipelineOptions, SetPipelineStep, setPipeline } from "./builders/set-pipeline.ts";
export { isStep, Step, type StepOptions } from "./builders/step.ts";
export { Task, type TaskCacheSpec, type TaskImage, type TaskInputSpec, type TaskOptions, type TaskOutputSpec } from "./builders/task.ts";
export type { Input, InputMap, StringHandle } from "./builders/values.ts";
export { defineVars, type LocalVar, pipelineVar, type VarRef, type Vars, vars } from "./builders/vars.ts";
// Diagnostics
export { ContrailError, type Diagnostic, formatPath, hasErrors, type Severity } from "./diagnostics/diagnostic.ts";
// The config model (zod schemas and their types)
export * as model from "./model/index.ts";
// Typed resources
export { GIT_FILES, type GitGetParams, type GitPutParams, GitResource, type GitSource } from "./resources/git.ts";
export { OCI_BUILD_TASK_IMAGE, OciBuildTask, type OciBuildTaskOptions } from "./resources/oci-build-task.ts";
export {
  REGISTRY_IMAGE_FILES,
  RegistryImage,
  type RegistryImageGetParams,
  type RegistryImagePutParams,
  type RegistryImageSource,
} from "./resources/registry-image.ts";
export {
  REGISTRY_TAG_FILES,
  RegistryTag,
  type RegistryTagOptions,
  type RegistryTagSource,
  registryTagType,
} from "./resources/registry-tag.ts";
