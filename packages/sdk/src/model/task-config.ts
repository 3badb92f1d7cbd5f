/**
 * The task config schema: what an inline `config:` or a task file holds.
 *
 * Concourse decodes the nested objects (`run`, `inputs[]`, `image_resource`, ...) leniently,
 * so they are loose objects here; the top level of an inline config is checked for unknown
 * keys (v8.1+), so it is strict.
 *
 * @see https://concourse-ci.org/tasks.html
 */
import { z } from "zod";
import { Config, Duration, JsonValue, Tags, Version } from "./common.ts";

/**
 * Values of task `params`. Concourse turns each into an environment variable string:
 * strings as they are, numbers and booleans as their text, null as "", lists and maps as
 * their JSON text (so `PACKAGES: [a, b]` is valid).
 */
export const TaskParamValue = JsonValue;

/** Task `params`: environment variables. */
export const TaskParams = z.record(z.string(), TaskParamValue).meta({ description: "Environment variables for the task." });
/** Task `params`. */
export type TaskParams = z.infer<typeof TaskParams>;

/** The image a task runs in, fetched like a resource. @see https://concourse-ci.org/tasks.html#schema.task-config.image_resource */
export const ImageResource = z.looseObject({
  name: z.string().optional(),
  type: z.string(),
  source: Config,
  version: Version.optional(),
  params: Config.optional(),
  tags: Tags.optional(),
});
/** A task's `image_resource`. */
export type ImageResource = z.infer<typeof ImageResource>;

/** CPU shares and memory limit. Memory is bytes, or a string such as `1GB` or `512MiB`. */
export const ContainerLimits = z.looseObject({
  cpu: z.number().int().min(0).optional(),
  memory: z.union([z.number().int().min(0), z.string().regex(/^([0-9]+)(([KMGkmg])(i)?[Bb]?)?$/)]).optional(),
});
/** Container limits. */
export type ContainerLimits = z.infer<typeof ContainerLimits>;

/** A task input: an artifact the task reads. */
export const TaskInput = z.looseObject({
  name: z.string(),
  path: z.string().optional(),
  optional: z.boolean().optional(),
});
/** A task input. */
export type TaskInput = z.infer<typeof TaskInput>;

/** A task output: a directory the task writes, passed on as an artifact. */
export const TaskOutput = z.looseObject({
  name: z.string(),
  path: z.string().optional(),
});
/** A task output. */
export type TaskOutput = z.infer<typeof TaskOutput>;

/** A cached directory, kept between builds of the same task on a worker. */
export const TaskCache = z.looseObject({
  path: z.string(),
  ttl: Duration.optional(),
});
/** A task cache. */
export type TaskCache = z.infer<typeof TaskCache>;

/** The command a task runs. */
export const TaskRun = z.looseObject({
  path: z.string(),
  args: z.array(z.string()).optional(),
  dir: z.string().optional(),
  user: z.string().optional(),
});
/** A task's `run`. */
export type TaskRun = z.infer<typeof TaskRun>;

/** A task config. @see https://concourse-ci.org/tasks.html#schema.task-config */
export const TaskConfig = z
  .strictObject({
    platform: z.string(),
    image_resource: ImageResource.optional(),
    rootfs_uri: z.string().optional(),
    container_limits: ContainerLimits.optional(),
    params: TaskParams.optional(),
    run: TaskRun.optional(),
    inputs: z.array(TaskInput).optional(),
    outputs: z.array(TaskOutput).optional(),
    caches: z.array(TaskCache).optional(),
  })
  .meta({ id: "TaskConfig", title: "Task config" });
/** A task config. */
export type TaskConfig = z.infer<typeof TaskConfig>;
