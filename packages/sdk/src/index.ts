/**
 * contrail: typed Concourse pipelines.
 *
 * Builders reference each other as objects; `Pipeline.synth()` turns them into the config
 * model (shaped like Concourse's YAML) and {@link render} into YAML that Concourse reads
 * exactly as meant.
 *
 * This entry holds what a pipeline.ts needs (builders, typed resources, render). The rest
 * has its own entry, so that a pipeline.ts loads none of it: `contrail/lint` (lint of
 * pipeline YAML), `contrail/import` (YAML to TypeScript; needs ts-morph), `contrail/diff`
 * (comparing pipelines in meaning), `contrail/model` (the zod schemas and the JSON Schema),
 * `contrail/graph` (drawing).
 *
 * @see https://concourse-ci.org/docs.html
 */

// zod, for the schemas of defineResourceType (the same copy contrail checks with)
export { z } from "zod";
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
export {
  FileTask,
  type FileTaskCommonOptions,
  type FileTaskOptions,
  type FileTaskUse,
  type TaskOutputsOf,
} from "./builders/file-task.ts";
export { type FileMap, type GetOptions, GetStep } from "./builders/get-step.ts";
export { Job, type JobProps } from "./builders/job.ts";
export { type LoadVarOptions, LoadVarStep, loadVar, type StructuredFormat } from "./builders/load-var.ts";
export type { LocalVarField, LocalVarFields } from "./builders/local-var-fields.ts";
export { type GroupProps, Pipeline, type PipelineProps, type SynthResult } from "./builders/pipeline.ts";
export { type PutOptions, PutStep } from "./builders/put-step.ts";
export { RawStep, rawStep } from "./builders/raw-step.ts";
export { GettableResource, Resource, type ResourceOptions, type ResourceProps } from "./builders/resource.ts";
export { ResourceType, type ResourceTypeProps } from "./builders/resource-type.ts";
export { type SetPipelineOptions, SetPipelineStep, setPipeline } from "./builders/set-pipeline.ts";
export { isStep, Step, type StepOptions } from "./builders/step.ts";
export { Task, type TaskCacheSpec, type TaskImage, type TaskInputSpec, type TaskOptions, type TaskOutputSpec } from "./builders/task.ts";
export {
  defineTask,
  isTaskDeclaration,
  type Presence,
  type TaskDeclaration,
  type TaskFileShape,
} from "./builders/task-declaration.ts";
export type { Input, InputMap, StringHandle } from "./builders/values.ts";
export type {
  DummyVarSourceConfig,
  IdTokenVarSourceConfig,
  SecretsManagerVarSourceConfig,
  SsmVarSourceConfig,
  VarSourceProps,
  VaultVarSourceConfig,
} from "./builders/var-sources.ts";
export { defineVars, type LocalVar, pipelineVar, type VarRef, type Vars, vars } from "./builders/vars.ts";
// Diagnostics
export { ContrailError, type Diagnostic, formatPath, hasErrors, type Severity } from "./diagnostics/diagnostic.ts";
// The config model's type (its schemas are in `contrail/model`)
export type { PipelineConfig } from "./model/pipeline.ts";
// Render: a Pipeline to YAML or JSON text
export { type RenderFormat, type RenderOptions, type RenderResult, render, renderPipeline } from "./render/render.ts";
// Typed resource catalogue: zod schemas, rules, more core types, user-defined types
export {
  type ConfigIssue,
  type ConfigKind,
  isVar,
  type ResourceSpec,
  type Rule,
  type RuleContext,
  type TypedResourceOptions,
} from "./resources/_define.ts";
export {
  BOSH_IO_RELEASE_FILES,
  BOSH_IO_STEMCELL_FILES,
  BoshIoRelease,
  type BoshIoReleaseGetParams,
  BoshIoReleaseGetParamsSchema,
  type BoshIoReleaseSource,
  BoshIoReleaseSourceSchema,
  BoshIoStemcell,
  type BoshIoStemcellGetParams,
  BoshIoStemcellGetParamsSchema,
  type BoshIoStemcellSource,
  BoshIoStemcellSourceSchema,
  BoshIoVersionSchema,
} from "./resources/bosh-io.ts";
export { checkResourceConfig, RESOURCE_SPECS, type ResourceConfigProblem } from "./resources/check.ts";
export {
  type DefinedResourceClass,
  defineResourceType,
  type ResourceTypeDefinition,
  type ResourceTypeImage,
} from "./resources/define-resource-type.ts";
export {
  DOCKER_IMAGE_FILES,
  DockerImage,
  type DockerImageGetParams,
  DockerImageGetParamsSchema,
  type DockerImagePutParams,
  DockerImagePutParamsSchema,
  type DockerImageSource,
  DockerImageSourceSchema,
} from "./resources/docker-image.ts";
// Typed resources
export {
  GIT_FILES,
  type GitGetParams,
  GitGetParamsSchema,
  type GitPutParams,
  GitPutParamsSchema,
  GitResource,
  type GitResourceOptions,
  type GitSource,
  GitSourceSchema,
  type GitVersion,
  GitVersionSchema,
} from "./resources/git.ts";
export {
  GITHUB_RELEASE_FILES,
  type GithubReleaseGetParams,
  GithubReleaseGetParamsSchema,
  type GithubReleasePutParams,
  GithubReleasePutParamsSchema,
  GithubReleaseResource,
  type GithubReleaseSource,
  GithubReleaseSourceSchema,
  GithubReleaseVersionSchema,
} from "./resources/github-release.ts";
export {
  MOCK_FILES,
  type MockGetParams,
  MockGetParamsSchema,
  type MockPutParams,
  MockPutParamsSchema,
  MockResource,
  type MockSource,
  MockSourceSchema,
  MockVersionSchema,
} from "./resources/mock.ts";
export { OCI_BUILD_TASK_IMAGE, OciBuildTask, type OciBuildTaskOptions } from "./resources/oci-build-task.ts";
export {
  POOL_FILES,
  type PoolGetParams,
  PoolGetParamsSchema,
  type PoolPutParams,
  PoolPutParamsSchema,
  PoolResource,
  type PoolSource,
  PoolSourceSchema,
  PoolVersionSchema,
} from "./resources/pool.ts";
export {
  REGISTRY_IMAGE_FILES,
  RegistryImage,
  type RegistryImageGetParams,
  RegistryImageGetParamsSchema,
  type RegistryImageOptions,
  type RegistryImagePutParams,
  RegistryImagePutParamsSchema,
  type RegistryImageSource,
  RegistryImageSourceSchema,
  type RegistryImageVersion,
  RegistryImageVersionSchema,
} from "./resources/registry-image.ts";
export {
  REGISTRY_TAG_FILES,
  RegistryTag,
  type RegistryTagGetParams,
  type RegistryTagOptions,
  type RegistryTagSource,
  RegistryTagSourceSchema,
  RegistryTagVersionSchema,
  registryTagType,
} from "./resources/registry-tag.ts";
export {
  S3_FILES,
  type S3GetParams,
  S3GetParamsSchema,
  type S3PutParams,
  S3PutParamsSchema,
  S3Resource,
  type S3Source,
  S3SourceSchema,
  S3VersionSchema,
} from "./resources/s3.ts";
export {
  SEMVER_FILES,
  type SemverGetParams,
  SemverGetParamsSchema,
  type SemverPutParams,
  SemverPutParamsSchema,
  SemverResource,
  type SemverSource,
  SemverSourceSchema,
  SemverVersionSchema,
} from "./resources/semver.ts";
export {
  TIME_FILES,
  type TimeGetParams,
  type TimePutParams,
  TimeResource,
  type TimeSource,
  TimeSourceSchema,
  TimeVersionSchema,
} from "./resources/time.ts";
export type { TaskFile, TaskFileLookup, TaskFileSource } from "./task-file/index.ts";
