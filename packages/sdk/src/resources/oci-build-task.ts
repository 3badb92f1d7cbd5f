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

/** The image oci-build-task runs in; override the tag with `image: { tag }`. */
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
  /** Platforms to build for, e.g. `["linux/amd64", "linux/arm64"]`; more than one forces (and renders) OUTPUT_OCI. [IMAGE_PLATFORM] */
  readonly platforms?: readonly string[];
  /** Write an OCI layout (`image/image`) instead of a docker tarball. [OUTPUT_OCI] */
  readonly outputOci?: boolean;
  /** Also write `rootfs/` and `metadata.json`, to use the image as a task image; ignored with OCI output. [UNPACK_ROOTFS] @default false */
  readonly unpackRootfs?: boolean;
  /** Debug logging. [DEBUG] */
  readonly debug?: boolean;
  /** Keep BuildKit's layer cache between builds (a `cache` cache directory). */
  readonly cache?: boolean;
  /** The oci-build-task image; `vito/oci-build-task` gets a deprecation warning. @default {@link OCI_BUILD_TASK_IMAGE} */
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
  /** Handles to the files in the `image` output. */
  readonly files: {
    /** A docker-save tarball, or an OCI tarball with `outputOci`. */
    readonly imageTar: ArtifactPath;
    /** The config digest (image ID); with `outputOci`, the first manifest's digest. */
    readonly digest: ArtifactPath;
    /** With `unpackRootfs` (not with `outputOci`). */
    readonly rootfs: ArtifactPath;
    /** With `unpackRootfs`: `{env, user}`. */
    readonly metadata: ArtifactPath;
    /** With `outputOci`: the OCI layout directory; push it with registry-image `image: build.files.ociLayout`. */
    readonly ociLayout: ArtifactPath;
  };
  /** The BuildKit layer cache directory (`cache`), when `cache: true`. */
  readonly cachePath: "cache" | undefined;
  readonly #options: OciBuildTaskOptions<Target>;

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
    this.files = {
      imageTar: this.image.file("image.tar"),
      digest: this.image.file("digest"),
      rootfs: this.image.file("rootfs"),
      metadata: this.image.file("metadata.json"),
      ociLayout: this.image.file("image"),
    };
    this.cachePath = options.cache ? "cache" : undefined;
    this.#options = options;
  }

  protected override synthCore(ctx: JobContext): Record<string, unknown> {
    const out = super.synthCore(ctx);
    checkOciBuildTask(this.#options, (code, path, message, hint) =>
      ctx.pipeline.report("warning", code, [...ctx.path, ...path], message, hint),
    );
    return out;
  }
}

/** Reports a problem of an oci-build-task step, at a path under the step. */
type OciReport = (code: string, path: (string | number)[], message: string, hint?: string) => void;

/** The repository the image moved from. */
const OLD_REPOSITORY = /^(docker\.io\/|index\.docker\.io\/)?vito\/oci-build-task$/;

/** The rules of oci-build-task's README and code (reference section 6). */
function checkOciBuildTask(o: OciBuildTaskOptions<string>, report: OciReport): void {
  const multiPlatform = (o.platforms?.length ?? 0) > 1;
  if (multiPlatform && o.outputOci === false) {
    report(
      "oci-build-task-multi-platform-forces-oci",
      ["params", "OUTPUT_OCI"],
      "more than one platform forces OUTPUT_OCI=true (oci-build-task v0.14.1+): 'outputOci: false' is ignored",
      "Remove `outputOci: false`, and push `build.files.ociLayout`.",
    );
  }
  if (o.unpackRootfs && (o.outputOci || multiPlatform)) {
    report(
      "oci-build-task-unpack-rootfs-ignored",
      ["params", "UNPACK_ROOTFS"],
      "UNPACK_ROOTFS is ignored when the output is an OCI layout (OUTPUT_OCI, or several platforms)",
      "Remove `unpackRootfs`, or build a single platform without `outputOci`.",
    );
  }
  if (o.image?.repository !== undefined && OLD_REPOSITORY.test(o.image.repository)) {
    report(
      "oci-build-task-vito-image",
      ["config", "image_resource", "source", "repository"],
      "vito/oci-build-task is deprecated: the image moved to concourse/oci-build-task in 2021 and vito/ gets no updates (no IMAGE_PLATFORM, BUILDKIT_SSH, OUTPUT_OCI, BUILDKIT_SECRETTEXT_*, BUILDKIT_EXTRA_CONFIG)",
      'Use `image: { repository: "concourse/oci-build-task" }` (or drop `image` for the default).',
    );
  }
  for (const key of Object.keys(o.params ?? {})) {
    if (key === "BUILD_ARGS" || key === "LABELS" || key === "IMAGE_ARGS") {
      report(
        "oci-build-task-undocumented-param",
        ["params", key],
        `${key} is an undocumented side effect of oci-build-task's env parser`,
        "Use `buildArgs`, `labels` or `imageArgs`.",
      );
    }
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
    else if ((o.platforms?.length ?? 0) > 1) out["OUTPUT_OCI"] = "true";
    if (o.unpackRootfs !== undefined) out["UNPACK_ROOTFS"] = String(o.unpackRootfs);
    if (o.debug !== undefined) out["DEBUG"] = String(o.debug);
    for (const [k, v] of Object.entries(o.params ?? {})) value(v, k);
    return out;
  }
}
