/**
 * oci-build-task: builds an OCI image from a Dockerfile with BuildKit. It is a task (an
 * image to run), not a resource type: contrail renders the task config the task's README
 * prescribes (`run.path: build`, `privileged: true`) and turns typed options into its
 * environment params.
 *
 * @see https://github.com/concourse/oci-build-task
 */
import type { Artifact, ArtifactPath } from "../builders/artifact.ts";
import { Brand, hasBrand } from "../builders/brand.ts";
import type { StepOptions } from "../builders/step.ts";
import type { JobContext } from "../builders/synth-context.ts";
import { Task, type TaskInputSpec } from "../builders/task.ts";
import type { LocalVar } from "../builders/vars.ts";

/** The image oci-build-task runs in. */
export const OCI_BUILD_TASK_IMAGE = { repository: "concourse/oci-build-task", tag: "0.11" } as const;

/** A string param value: literal, `((var))`, local var or a path in an artifact. */
type ParamValue = string | LocalVar | ArtifactPath | Artifact;

/** Options of an oci-build-task step; each maps to the env param in brackets. */
export interface OciBuildTaskOptions<Target extends string = never> extends StepOptions {
  /** The build context: an artifact (mounted as the working directory) or a directory in one. [CONTEXT] */
  readonly context: Artifact | ArtifactPath;
  /** More artifacts the build reads (for IMAGE_ARG_*, secrets, files outside the context). */
  readonly inputs?: readonly (Artifact | TaskInputSpec)[];
  /** The Dockerfile. [DOCKERFILE] @default "<context>/Dockerfile" */
  readonly dockerfile?: ArtifactPath | string;
  /** The stage to build. [TARGET] */
  readonly target?: string;
  /** A file holding the stage to build; overrides `target`. [TARGET_FILE] */
  readonly targetFile?: ArtifactPath | string;
  /** More stages, each built into an output of its name (`build.outputs[target]`). [ADDITIONAL_TARGETS] */
  readonly additionalTargets?: readonly Target[];
  /** Build args. [BUILD_ARG_<name>] */
  readonly buildArgs?: Readonly<Record<string, ParamValue>>;
  /** A file of build args, `k=v` lines or YAML. [BUILD_ARGS_FILE] */
  readonly buildArgsFile?: ArtifactPath | string;
  /** Images served to the build as build args: a tarball or OCI layout path. [IMAGE_ARG_<name>] */
  readonly imageArgs?: Readonly<Record<string, ArtifactPath | string>>;
  /** Image labels. [LABEL_<name>] */
  readonly labels?: Readonly<Record<string, ParamValue>>;
  /** A file of labels. [LABELS_FILE] */
  readonly labelsFile?: ArtifactPath | string;
  /** BuildKit secrets from files, by id. [BUILDKIT_SECRET_<id>] */
  readonly secrets?: Readonly<Record<string, ArtifactPath | string>>;
  /** BuildKit secrets from values (use `((vars))`), by id. [BUILDKIT_SECRETTEXT_<id>] */
  readonly secretTexts?: Readonly<Record<string, ParamValue>>;
  /** An SSH agent socket or key, `id=path`. [BUILDKIT_SSH] */
  readonly ssh?: string;
  /** Extra hosts, `host=ip`. [BUILDKIT_ADD_HOSTS] */
  readonly addHosts?: readonly string[];
  /** TOML appended to buildkitd.toml. [BUILDKIT_EXTRA_CONFIG] */
  readonly buildkitExtraConfig?: string;
  /** Mirrors for docker.io. [REGISTRY_MIRRORS] */
  readonly registryMirrors?: readonly string[];
  /** Platforms to build for; more than one implies OCI output. [IMAGE_PLATFORM] */
  readonly platforms?: readonly string[];
  /** Write an OCI layout (`image/image`) instead of a docker tarball. [OUTPUT_OCI] */
  readonly outputOci?: boolean;
  /** Also write `rootfs/` and `metadata.json`, to use the image as a task image. [UNPACK_ROOTFS] */
  readonly unpackRootfs?: boolean;
  /** Debug logging. [DEBUG] */
  readonly debug?: boolean;
  /** Keep BuildKit's layer cache between builds (a `cache` cache directory). */
  readonly cache?: boolean;
  /** The oci-build-task image. @default {@link OCI_BUILD_TASK_IMAGE} */
  readonly image?: { readonly repository?: string; readonly tag?: string };
  /** More params, rendered as given (escape hatch). */
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Worker tags. */
  readonly tags?: readonly string[];
}

/**
 * A task that builds an image with oci-build-task. `build.image` is the built image's
 * directory: push `build.image.file("image.tar")`.
 *
 * @example
 * const build = new OciBuildTask("build", { context: src, buildArgs: { ruby_version: rubyVersion } });
 * image.put({ params: { image: build.image.file("image.tar") } });
 */
export class OciBuildTask<const Target extends string = never> extends Task<"image" | Target> {
  /** The built image: `image.tar` and `digest` (and `rootfs/` with `unpackRootfs`). */
  readonly image: Artifact;

  constructor(name: string, options: OciBuildTaskOptions<Target>) {
    const contextArtifact = hasBrand(options.context, Brand.artifactPath)
      ? (options.context as ArtifactPath).artifact
      : (options.context as Artifact);
    const mountedAtRoot = !hasBrand(options.context, Brand.artifactPath);
    const image = { ...OCI_BUILD_TASK_IMAGE, ...options.image };
    const contextInput: TaskInputSpec = mountedAtRoot ? { artifact: contextArtifact, path: "." } : { artifact: contextArtifact };
    const otherInputs = (options.inputs ?? []).filter(
      (input) => (hasBrand(input, Brand.artifact) ? input : (input as TaskInputSpec).artifact) !== contextArtifact,
    );
    super(name, {
      ...stepOptionsOf(options),
      privileged: true,
      image: options.image?.repository !== undefined && options.image.tag === undefined ? { repository: image.repository } : image,
      inputs: [contextInput, ...otherInputs],
      outputs: ["image", ...(options.additionalTargets ?? [])],
      ...(options.cache ? { caches: ["cache"] } : {}),
      run: { path: "build" },
      ...(options.tags ? { tags: options.tags } : {}),
      stepParams: new OciParams(options, mountedAtRoot ? contextArtifact : undefined) as unknown as Record<string, unknown>,
    });
    this.image = this.outputs.image;
  }
}

function stepOptionsOf(options: StepOptions): StepOptions {
  const { timeout, attempts, across, failFast, onSuccess, onFailure, onError, onAbort, ensure, extra } = options;
  return Object.fromEntries(
    Object.entries({ timeout, attempts, across, failFast, onSuccess, onFailure, onError, onAbort, ensure, extra }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as StepOptions;
}

/**
 * The env params, computed at render: a path inside the context artifact (mounted at the
 * working directory) renders relative to it, other paths as `<artifact>/<path>`.
 */
class OciParams {
  readonly #options: OciBuildTaskOptions<string>;
  readonly #root: Artifact | undefined;

  constructor(options: OciBuildTaskOptions<string>, root: Artifact | undefined) {
    this.#options = options;
    this.#root = root;
    Object.defineProperty(this, Brand.resolvable, { value: true });
  }

  /** Builds the params object; called by render through {@link JobContext.resolve}. */
  resolveWith(ctx: JobContext): Record<string, unknown> {
    const o = this.#options;
    const out: Record<string, unknown> = {};
    const value = (v: ParamValue | undefined, key: string): void => {
      if (v === undefined) return;
      if (hasBrand(v, Brand.artifactPath) && (v as ArtifactPath).artifact === this.#root) {
        ctx.at(key).artifactName((v as ArtifactPath).artifact);
        out[key] = (v as ArtifactPath).path;
      } else out[key] = ctx.at(key).resolve(v);
    };
    if (hasBrand(o.context, Brand.artifactPath)) value(o.context as ArtifactPath, "CONTEXT");
    value(o.dockerfile, "DOCKERFILE");
    value(o.target, "TARGET");
    value(o.targetFile, "TARGET_FILE");
    if (o.additionalTargets?.length) out["ADDITIONAL_TARGETS"] = o.additionalTargets.join(",");
    for (const [k, v] of Object.entries(o.buildArgs ?? {})) value(v, `BUILD_ARG_${k}`);
    value(o.buildArgsFile, "BUILD_ARGS_FILE");
    for (const [k, v] of Object.entries(o.imageArgs ?? {})) value(v, `IMAGE_ARG_${k}`);
    for (const [k, v] of Object.entries(o.labels ?? {})) value(v, `LABEL_${k}`);
    value(o.labelsFile, "LABELS_FILE");
    for (const [k, v] of Object.entries(o.secrets ?? {})) value(v, `BUILDKIT_SECRET_${k}`);
    for (const [k, v] of Object.entries(o.secretTexts ?? {})) value(v, `BUILDKIT_SECRETTEXT_${k}`);
    value(o.ssh, "BUILDKIT_SSH");
    if (o.addHosts?.length) out["BUILDKIT_ADD_HOSTS"] = o.addHosts.join(",");
    value(o.buildkitExtraConfig, "BUILDKIT_EXTRA_CONFIG");
    if (o.registryMirrors?.length) out["REGISTRY_MIRRORS"] = o.registryMirrors.join(",");
    if (o.platforms?.length) out["IMAGE_PLATFORM"] = o.platforms.join(",");
    if (o.outputOci !== undefined) out["OUTPUT_OCI"] = String(o.outputOci);
    if (o.unpackRootfs !== undefined) out["UNPACK_ROOTFS"] = String(o.unpackRootfs);
    if (o.debug !== undefined) out["DEBUG"] = String(o.debug);
    for (const [k, v] of Object.entries(o.params ?? {})) value(v, k);
    return out;
  }
}
