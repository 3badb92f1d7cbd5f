/**
 * The `docker-image` resource (core type, deprecated): images built and pushed with a
 * Docker daemon in a privileged container. Use `registry-image` to fetch and push, and
 * oci-build-task to build. It ignores unknown keys.
 * @see https://github.com/concourse/docker-image-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { defineSpec, deprecated, type Rule, requires, type TypedResourceOptions } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/docker-image-resource";

/** Source of a docker-image resource. @see https://github.com/concourse/docker-image-resource#source-configuration */
export const DockerImageSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The repository, e.g. `concourse/git-resource` (private registries need the port). Required. */
    repository: z.string().describe("The repository, e.g. concourse/git-resource (private registries need the port). Required."),
    /** The tag to track. @default "latest" */
    tag: z.string().optional().describe('The tag to track. Default: "latest".'),
    /** Registry username. */
    username: z.string().optional().describe("Registry username."),
    /** Registry password. */
    password: z.string().optional().describe("Registry password."),
    /** ECR: AWS access key id. */
    aws_access_key_id: z.string().optional().describe("ECR: AWS access key id."),
    /** ECR: AWS secret access key. */
    aws_secret_access_key: z.string().optional().describe("ECR: AWS secret access key."),
    /** ECR: AWS session token. */
    aws_session_token: z.string().optional().describe("ECR: AWS session token."),
    /** CIDRs or `host:port` allowed without TLS verification. */
    insecure_registries: z.array(z.string()).optional().describe("CIDRs or host:port allowed without TLS verification."),
    /** A registry mirror URL. */
    registry_mirror: z.string().optional().describe("A registry mirror URL."),
    /** CA certificates per registry domain. */
    ca_certs: z
      .array(
        z.strictObject({
          /** The registry, `host:port`. */
          domain: z.string().describe("The registry, host:port."),
          /** The CA certificate (PEM). */
          cert: z.string().describe("The CA certificate (PEM)."),
        }),
      )
      .optional()
      .describe("CA certificates per registry domain."),
    /** Client certificates per registry domain. */
    client_certs: z
      .array(
        z.strictObject({
          /** The registry, `host:port`. */
          domain: z.string().describe("The registry, host:port."),
          /** The client certificate (PEM). */
          cert: z.string().describe("The client certificate (PEM)."),
          /** The client key (PEM). */
          key: z.string().describe("The client key (PEM)."),
        }),
      )
      .optional()
      .describe("Client certificates per registry domain."),
    /** Maximum concurrent downloads. */
    max_concurrent_downloads: z.number().int().min(1).optional().describe("Maximum concurrent downloads."),
    /** Maximum concurrent uploads. */
    max_concurrent_uploads: z.number().int().min(1).optional().describe("Maximum concurrent uploads."),
  }),
);

/** Get params of docker-image. */
export const DockerImageGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Write a `docker save`d image to `image`. */
    save: z.boolean().optional().describe("Write a docker saved image to image."),
    /** Write the image's filesystem to `rootfs.tar`. */
    rootfs: z.boolean().optional().describe("Write the image's filesystem to rootfs.tar."),
    /** Skip the pull. */
    skip_download: z.boolean().optional().describe("Skip the pull."),
  }),
);

/** Put params of docker-image. @see https://github.com/concourse/docker-image-resource#out-push-an-image-or-build-and-push-a-dockerfile */
export const DockerImagePutParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Path to a file of space-separated extra tags. */
    additional_tags: z.string().optional().describe("Path to a file of space-separated extra tags."),
    /** Path of a directory holding a `Dockerfile` to build. */
    build: z.string().optional().describe("Path of a directory holding a Dockerfile to build."),
    /** Build args. */
    build_args: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe("Build args."),
    /** Path to a JSON file of build args. */
    build_args_file: z.string().optional().describe("Path to a JSON file of build args."),
    /** Pull `image:tag` first to reuse its layers. @default false */
    cache: z.boolean().optional().describe("Pull image:tag first to reuse its layers. Default: false."),
    /** Paths of images (gets with `save: true`) to use as cache. */
    cache_from: z.array(z.string()).optional().describe("Paths of images (gets with save: true) to use as cache."),
    /** The tag pulled for `cache`. @default the tag */
    cache_tag: z.string().optional().describe("The tag pulled for cache. Default: the tag."),
    /** Path of the Dockerfile, when not at the root of `build`. */
    dockerfile: z.string().optional().describe("Path of the Dockerfile, when not at the root of build."),
    /** Path of a file to `docker import` and push. */
    import_file: z.string().optional().describe("Path of a file to docker import and push."),
    /** Path of an image fetched with `save: true`, to push. */
    load: z.string().optional().describe("Path of an image fetched with save: true, to push."),
    /** Path of an image to load before building. */
    load_base: z.string().optional().describe("Path of an image to load before building."),
    /** Paths of images to load before building. */
    load_bases: z.array(z.string()).optional().describe("Paths of images to load before building."),
    /** Path of a file to `docker load` and push; needs `load_repository`. */
    load_file: z.string().optional().describe("Path of a file to docker load and push; needs load_repository."),
    /** The repository of the image in `load_file`. */
    load_repository: z.string().optional().describe("The repository of the image in load_file."),
    /** The tag of the image in `load_file`. @default "latest" */
    load_tag: z.string().optional().describe('The tag of the image in load_file. Default: "latest".'),
    /** @deprecated Use a get and `load`. */
    pull_repository: z.string().optional().describe("Deprecated: Use a get and load."),
    /** @deprecated Use a get and `load`. */
    pull_tag: z.string().optional().describe("Deprecated: Use a get and load."),
    /** @deprecated Use `tag_file`. */
    tag: z.string().optional().describe("Deprecated: Use tag_file."),
    /** Path to a file holding the tag. */
    tag_file: z.string().optional().describe("Path to a file holding the tag."),
    /** Also tag `latest`. @default false */
    tag_as_latest: z.boolean().optional().describe("Also tag latest. Default: false."),
    /** A prefix of the tag read from the file. */
    tag_prefix: z.string().optional().describe("A prefix of the tag read from the file."),
    /** The build stage to build. */
    target_name: z.string().optional().describe("The build stage to build."),
  }),
);

/** Source of a docker-image resource. @deprecated Use {@link RegistryImage}. */
export type DockerImageSource = z.input<typeof DockerImageSourceSchema>;
/** Get params of docker-image. */
export type DockerImageGetParams = z.input<typeof DockerImageGetParamsSchema>;
/** Put params of docker-image. */
export type DockerImagePutParams = z.input<typeof DockerImagePutParamsSchema>;

const typeDeprecated: Rule = (_source, report) =>
  report(
    "docker-image-deprecated",
    "warning",
    [],
    "the docker-image resource type is deprecated: use registry-image (RegistryImage) to fetch and push, and oci-build-task to build",
  );

/** docker-image's schemas and rules. */
export const dockerImageSpec = defineSpec({
  type: "docker-image",
  readme: README,
  strict: false,
  schemas: { source: DockerImageSourceSchema, get: DockerImageGetParamsSchema, put: DockerImagePutParamsSchema },
  rules: {
    source: [typeDeprecated],
    put: [
      requires("load_file", "load_repository", "docker-image-load-file-without-repository"),
      deprecated("tag", "docker-image-tag-deprecated", "use 'tag_file'"),
      deprecated("pull_repository", "docker-image-pull-repository-deprecated", "use a get step and 'load'"),
      deprecated("pull_tag", "docker-image-pull-tag-deprecated", "use a get step and 'load'"),
    ],
  },
});

/** Files a docker-image get writes. */
export const DOCKER_IMAGE_FILES = {
  /** With `save: true`. */
  image: "image",
  repository: "repository",
  tag: "tag",
  imageId: "image-id",
  digest: "digest",
  /** With `rootfs: true`. */
  rootfs: "rootfs.tar",
  metadata: "metadata.json",
  dockerInspect: "docker_inspect.json",
} as const;

/**
 * An image handled by the Docker daemon.
 *
 * @deprecated Use {@link RegistryImage} (and `OciBuildTask` to build): docker-image needs a
 * privileged container and is no longer developed.
 * @see https://github.com/concourse/docker-image-resource
 */
export class DockerImage extends Resource<DockerImageSource, DockerImageGetParams, DockerImagePutParams, typeof DOCKER_IMAGE_FILES> {
  constructor(name: string, options: TypedResourceOptions<DockerImageSource>) {
    super(name, { ...options, type: "docker-image" }, DOCKER_IMAGE_FILES, dockerImageSpec);
  }
}
