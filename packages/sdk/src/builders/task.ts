/**
 * The `task` step, with an inline config built from typed options or a config file from
 * an artifact. Inputs are artifact handles; outputs become handles for later steps.
 *
 * @see https://concourse-ci.org/task-step.html
 * @see https://concourse-ci.org/tasks.html
 */

import { isGoDuration } from "../go/duration.ts";
import type { ContainerLimits, TaskConfig } from "../model/task-config.ts";
import { type Artifact, type ArtifactPath, makeArtifact } from "./artifact.ts";
import { Brand, hasBrand } from "./brand.ts";
import { checkOptionKinds, copyList } from "./option-types.ts";
import { Step, type StepOptions } from "./step.ts";
import type { JobContext } from "./synth-context.ts";
import type { InputMap } from "./values.ts";

/** The image a task runs in: a registry image by repository, or any resource type. */
export type TaskImage =
  | { readonly repository: string; readonly tag?: string; readonly digest?: never }
  | {
      readonly type: string;
      readonly source: InputMap;
      readonly version?: Readonly<Record<string, string>>;
      readonly params?: InputMap;
      readonly tags?: readonly string[];
      readonly name?: string;
    };

/** A task input: an artifact, optionally under another name or path. */
export interface TaskInputSpec {
  /** The artifact to read. */
  readonly artifact: Artifact;
  /** The input's name in the task config. @default the artifact's name */
  readonly name?: string;
  /** Where the task sees it, relative to its working directory. @default the name */
  readonly path?: string;
  /** The task runs even when the artifact is missing. @default false */
  readonly optional?: boolean;
}

/** A task output: a name, or a name with a path. */
export type TaskOutputSpec<Name extends string> = Name | { readonly name: Name; readonly path: string };

/** A cache: a path, or a path with a time to live. */
export type TaskCacheSpec = string | { readonly path: string; readonly ttl?: string };

/** Options of a task step. Give `file` for a task config file, or the config options. */
export interface TaskOptions<Output extends string = never> extends StepOptions {
  /** A task config file inside an artifact, e.g. `src.file("ci/unit.yml")`. */
  readonly file?: ArtifactPath | string;
  /** Escape hatch: a whole inline config, rendered as given. */
  readonly config?: TaskConfig;
  /** The platform. @default "linux" */
  readonly platform?: string;
  /** The image to run in, or an artifact holding one (rendered as the step's `image:`). */
  readonly image?: TaskImage | Artifact;
  /** A rootfs URI, instead of an image. */
  readonly rootfsUri?: string;
  /** Artifacts the task reads. */
  readonly inputs?: readonly (Artifact | TaskInputSpec)[];
  /** Directories the task writes; each becomes a handle in `task.outputs`. */
  readonly outputs?: readonly TaskOutputSpec<Output>[];
  /** Directories kept between runs on a worker. */
  readonly caches?: readonly TaskCacheSpec[];
  /** The command. */
  readonly run?: { readonly path: string; readonly args?: readonly string[]; readonly dir?: string; readonly user?: string };
  /** Environment variables: in the inline config, or on the step for a `file` task. */
  readonly params?: InputMap;
  /** Environment variables on the step, overriding the config's. */
  readonly stepParams?: InputMap;
  /** Vars for `((var))` in a task file. */
  readonly vars?: InputMap;
  /** Feeds artifacts to a task file's inputs of other names: `{ "repo": src }`. */
  readonly inputMapping?: Readonly<Record<string, Artifact>>;
  /**
   * Renames outputs: `{ image: "built-image" }`. For a file task without declared
   * `outputs`, any of the file's output names.
   */
  readonly outputMapping?: [Output] extends [never] ? Readonly<Record<string, string>> : { readonly [K in Output]?: string };
  /** CPU and memory limits. */
  readonly containerLimits?: ContainerLimits;
  /** Run privileged. @default false */
  readonly privileged?: boolean;
  /** No network access (containerd workers only). */
  readonly hermetic?: boolean;
  /** Worker tags. */
  readonly tags?: readonly string[];
}

const TASK_KINDS = { privileged: "boolean", hermetic: "boolean", tags: "strings" } as const;

function outputName<Name extends string>(spec: TaskOutputSpec<Name>): Name {
  return typeof spec === "string" ? spec : spec.name;
}

/**
 * A task step.
 *
 * @example
 * const unit = new Task("unit", {
 *   image: { repository: "golang", tag: "1.23" },
 *   inputs: [src],
 *   outputs: ["coverage"],
 *   run: { path: "sh", args: ["-c", "cd my-repo && go test ./..."] },
 * });
 * unit.outputs.coverage // a handle for later steps
 */
export class Task<const Output extends string = never> extends Step {
  /** The step's name. */
  readonly name: string;
  /** Handles to the task's outputs. */
  readonly outputs: { readonly [K in Output]: Artifact };
  readonly #options: TaskOptions<Output>;

  constructor(name: string, options: TaskOptions<Output>) {
    super(options);
    this.name = name;
    this.#options = options;
    const outputs: Record<string, Artifact> = {};
    for (const spec of options.outputs ?? []) {
      const output = outputName(spec);
      outputs[output] = makeArtifact(
        this,
        () => (options.outputMapping as Readonly<Record<string, string>> | undefined)?.[output] ?? output,
      );
    }
    this.outputs = outputs as { readonly [K in Output]: Artifact };
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const o = this.#options;
    const out: Record<string, unknown> = { task: this.name };
    if (o.privileged !== undefined) out["privileged"] = o.privileged;
    if (o.hermetic !== undefined) out["hermetic"] = o.hermetic;
    if (o.file !== undefined) {
      out["file"] = ctx.at("file").resolve(o.file);
    }
    const inputMapping: Record<string, string> = {};
    if (o.config !== undefined) {
      out["config"] = ctx.at("config").resolve(o.config);
      ctx.pipeline.escapeHatches.push({ schema: "task-config", path: [...ctx.path, "config"], value: out["config"] });
    } else if (o.file === undefined) out["config"] = this.#inlineConfig(ctx.at("config"), inputMapping);
    if (o.image !== undefined && hasBrand(o.image, Brand.artifact)) out["image"] = ctx.at("image").artifactName(o.image as Artifact);
    if (o.params !== undefined && o.file !== undefined) out["params"] = ctx.at("params").resolve(o.params);
    if (o.stepParams !== undefined) {
      const params = { ...(out["params"] as object), ...(ctx.at("params").resolve(o.stepParams) as object) };
      if (Object.keys(params).length > 0) out["params"] = params;
    }
    if (o.vars !== undefined) out["vars"] = ctx.at("vars").resolve(o.vars);
    for (const [input, artifact] of Object.entries(o.inputMapping ?? {})) {
      inputMapping[input] = ctx.at("input_mapping", input).artifactName(artifact);
    }
    if (Object.keys(inputMapping).length > 0) out["input_mapping"] = inputMapping;
    if (o.outputMapping !== undefined) out["output_mapping"] = { ...o.outputMapping };
    // Like params: in the inline config, or on the step for a file task.
    if (o.containerLimits !== undefined && o.file !== undefined) out["container_limits"] = { ...o.containerLimits };
    if (o.tags !== undefined) out["tags"] = copyList(o.tags);
    checkOptionKinds(ctx.pipeline, ctx.path, out, TASK_KINDS);
    ctx.scope.add(this);
    return out;
  }

  #inlineConfig(ctx: JobContext, inputMapping: Record<string, string>): Record<string, unknown> {
    const o = this.#options;
    const config: Record<string, unknown> = { platform: o.platform ?? "linux" };
    if (o.image !== undefined && !hasBrand(o.image, Brand.artifact))
      config["image_resource"] = imageResource(ctx.at("image_resource"), o.image as TaskImage);
    if (o.rootfsUri !== undefined) config["rootfs_uri"] = o.rootfsUri;
    if (o.containerLimits !== undefined) config["container_limits"] = { ...o.containerLimits };
    if (o.inputs !== undefined) {
      config["inputs"] = o.inputs.map((spec, i) => {
        const input: TaskInputSpec = hasBrand(spec, Brand.artifact) ? { artifact: spec as Artifact } : (spec as TaskInputSpec);
        const at = ctx.at("inputs", i);
        const artifactName =
          input.optional && !at.scope.has(input.artifact.producer) ? input.artifact.artifactName : at.artifactName(input.artifact);
        const name = input.name ?? artifactName;
        if (name !== artifactName) inputMapping[name] = artifactName;
        const entry: Record<string, unknown> = { name };
        if (input.path !== undefined) entry["path"] = input.path;
        if (input.optional !== undefined) entry["optional"] = input.optional;
        return entry;
      });
    }
    if (o.outputs !== undefined) {
      config["outputs"] = o.outputs.map((spec) => (typeof spec === "string" ? { name: spec } : { name: spec.name, path: spec.path }));
    }
    if (o.caches !== undefined) {
      config["caches"] = o.caches.map((spec, i) => {
        const cache = typeof spec === "string" ? { path: spec } : { ...spec };
        if (cache.ttl !== undefined && !isGoDuration(cache.ttl)) {
          ctx.pipeline.report("error", "invalid-duration", [...ctx.path, "caches", i, "ttl"], `invalid cache ttl '${cache.ttl}'`);
        }
        return cache;
      });
    }
    if (o.params !== undefined) config["params"] = ctx.at("params").resolve(o.params);
    if (o.run !== undefined) {
      const run: Record<string, unknown> = { path: o.run.path };
      if (o.run.args !== undefined) run["args"] = ctx.at("run", "args").resolve(o.run.args);
      if (o.run.dir !== undefined) run["dir"] = o.run.dir;
      if (o.run.user !== undefined) run["user"] = o.run.user;
      config["run"] = run;
    }
    return config;
  }
}

function imageResource(ctx: JobContext, image: TaskImage): Record<string, unknown> {
  if ("repository" in image) {
    const source: Record<string, unknown> = { repository: image.repository };
    if (image.tag !== undefined) source["tag"] = image.tag;
    return { type: "registry-image", source };
  }
  const out: Record<string, unknown> = { type: image.type };
  if (image.name !== undefined) out["name"] = image.name;
  out["source"] = ctx.at("source").resolve(image.source);
  if (image.version !== undefined) out["version"] = { ...image.version };
  if (image.params !== undefined) out["params"] = ctx.at("params").resolve(image.params);
  if (image.tags !== undefined) out["tags"] = [...image.tags];
  return out;
}
