/**
 * The `registry-image` resource (core type): images in a Docker/OCI registry. It decodes
 * requests strictly: an unknown key anywhere fails check, get and put.
 * @see https://github.com/concourse/registry-image-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import {
  asObj,
  defineSpec,
  deprecated,
  exclusive,
  isSet,
  mustBeString,
  type Rule,
  requires,
  type TypedResourceOptions,
} from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/registry-image-resource";

/** An image platform. */
const PlatformSchema = lazySchema(() =>
  z.strictObject({
    /** CPU architecture, e.g. `arm64`. @default the worker's GOARCH */
    architecture: z.string().optional().describe("CPU architecture, e.g. arm64. Default: the worker's GOARCH."),
    /** Operating system, e.g. `linux`. @default the worker's GOOS */
    os: z.string().optional().describe("Operating system, e.g. linux. Default: the worker's GOOS."),
  }),
);

/** Source of a registry-image resource. @see https://github.com/concourse/registry-image-resource#source-configuration */
export const RegistryImageSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The repository, e.g. `docker.io/tlwr/my-image` (no host: Docker Hub; ECR: the repo name only). Required. */
    repository: z
      .string()
      .describe("The repository, e.g. docker.io/tlwr/my-image (no host: Docker Hub; ECR: the repo name only). Required."),
    /** Allow plain HTTP or unverified TLS. @default false */
    insecure: z.boolean().optional().describe("Allow plain HTTP or unverified TLS. Default: false."),
    /** The tag to track. Always a string (a YAML `3.10` arrives as `3.1`). Without it, semver tags are discovered. */
    tag: z
      .string()
      .optional()
      .describe("The tag to track. Always a string (a YAML 3.10 arrives as 3.1). Without it, semver tags are discovered."),
    /** Track tags matching this RE2 regex. */
    tag_regex: z.string().optional().describe("Track tags matching this RE2 regex."),
    /** With `tag_regex`: order tags by image creation time. @default false */
    created_at_sort: z.boolean().optional().describe("With tag_regex: order tags by image creation time. Default: false."),
    /** Semver mode: only tags with this `-<variant>` suffix; appended to the put `version`. */
    variant: z.string().optional().describe("Semver mode: only tags with this -<variant> suffix; appended to the put version."),
    /** Semver mode: a Masterminds constraint, e.g. `>= 1.2`. */
    semver_constraint: z.string().optional().describe("Semver mode: a Masterminds constraint, e.g. >= 1.2."),
    /** Semver mode: include pre-releases. @default false */
    pre_releases: z.boolean().optional().describe("Semver mode: include pre-releases. Default: false."),
    /** More pre-release prefixes besides alpha/beta/rc; needs `pre_releases: true`. */
    pre_release_prefixes: z
      .array(z.string())
      .optional()
      .describe("More pre-release prefixes besides alpha/beta/rc; needs pre_releases: true."),
    /** Registry username; used only together with `password`. */
    username: z.string().optional().describe("Registry username; used only together with password."),
    /** Registry password (use a `((var))`); used only together with `username`. */
    password: z.string().optional().describe("Registry password (use a ((var))); used only together with username."),
    /** ECR: AWS access key id. */
    aws_access_key_id: z.string().optional().describe("ECR: AWS access key id."),
    /** ECR: AWS secret access key. */
    aws_secret_access_key: z.string().optional().describe("ECR: AWS secret access key."),
    /** ECR: AWS session token. */
    aws_session_token: z.string().optional().describe("ECR: AWS session token."),
    /** ECR: the region; setting it turns ECR mode on. */
    aws_region: z.string().optional().describe("ECR: the region; setting it turns ECR mode on."),
    /** ECR: a role to assume. Mutually exclusive with `aws_role_arns`. */
    aws_role_arn: z.string().optional().describe("ECR: a role to assume. Mutually exclusive with aws_role_arns."),
    /** ECR: roles to assume, in order. Mutually exclusive with `aws_role_arn`. */
    aws_role_arns: z.array(z.string()).optional().describe("ECR: roles to assume, in order. Mutually exclusive with aws_role_arn."),
    /** ECR: the registry's account id (a string: quote it). */
    aws_account_id: z.string().optional().describe("ECR: the registry's account id (a string: quote it)."),
    /** @deprecated No longer needed: the resource logs a warning and ignores it. */
    aws_ecr_registry_id: z.string().optional().describe("Deprecated: No longer needed: the resource logs a warning and ignores it."),
    /** ACR: Managed Identity auth (v1.16.0+); do not set username/password with it. @default false */
    azure_acr: z
      .boolean()
      .optional()
      .describe("ACR: Managed Identity auth (v1.16.0+); do not set username/password with it. Default: false."),
    /** ACR: the managed identity's client id. */
    azure_client_id: z.string().optional().describe("ACR: the managed identity's client id."),
    /** ACR: the tenant id. */
    azure_tenant_id: z.string().optional().describe("ACR: the tenant id."),
    /** ACR: the cloud. @default detected from the domain */
    azure_environment: z
      .enum(["AzurePublic", "AzureGovernment", "AzureChina"])
      .optional()
      .describe("ACR: the cloud. Default: detected from the domain."),
    /** The platform to check and fetch. @default the worker's */
    platform: PlatformSchema.optional().describe("The platform to check and fetch. Default: the worker's."),
    /** Add matching image labels to get metadata (RE2; v1.18.0+). */
    label_regex: z.string().optional().describe("Add matching image labels to get metadata (RE2; v1.18.0+)."),
    /** Add matching annotations to get metadata (RE2; v1.18.0+). */
    annotation_regex: z.string().optional().describe("Add matching annotations to get metadata (RE2; v1.18.0+)."),
    /** A Docker Hub mirror, tried before the origin. */
    registry_mirror: z
      .strictObject({
        /** The mirror's host. */
        host: z.string().describe("The mirror's host."),
        /** Mirror username. */
        username: z.string().optional().describe("Mirror username."),
        /** Mirror password. */
        password: z.string().optional().describe("Mirror password."),
      })
      .optional()
      .describe("A Docker Hub mirror, tried before the origin."),
    /** Notary signing on put. */
    content_trust: z
      .strictObject({
        /** Notary server URL. */
        server: z.string().optional().describe("Notary server URL."),
        /** The repository key's id. */
        repository_key_id: z.string().describe("The repository key's id."),
        /** The repository key (PEM). */
        repository_key: z.string().describe("The repository key (PEM)."),
        /** The key's passphrase. */
        repository_passphrase: z.string().describe("The key's passphrase."),
        /** TLS client key. */
        tls_key: z.string().optional().describe("TLS client key."),
        /** TLS client certificate. */
        tls_cert: z.string().optional().describe("TLS client certificate."),
        /** Notary username. */
        username: z.string().optional().describe("Notary username."),
        /** Notary password. */
        password: z.string().optional().describe("Notary password."),
        /** Token scopes: `pull`, `push,pull` or `catalog`. */
        scopes: z.enum(["pull", "push,pull", "catalog"]).optional().describe("Token scopes: pull, push,pull or catalog."),
      })
      .optional()
      .describe("Notary signing on put."),
    /** CA certificates (PEM) to trust. */
    ca_certs: z.array(z.string()).optional().describe("CA certificates (PEM) to trust."),
    /** Debug logging. @default false */
    debug: z.boolean().optional().describe("Debug logging. Default: false."),
  }),
);

/** Credentials a get or put may give to override the source's (e.g. short-lived cloud tokens). */
const CredentialOverrides = {
  /** Overrides the source's `username`. */
  username: z.string().optional().describe("Overrides the source's username."),
  /** Overrides the source's `password`. */
  password: z.string().optional().describe("Overrides the source's password."),
  /** Overrides the source's `aws_access_key_id`. */
  aws_access_key_id: z.string().optional().describe("Overrides the source's aws_access_key_id."),
  /** Overrides the source's `aws_secret_access_key`. */
  aws_secret_access_key: z.string().optional().describe("Overrides the source's aws_secret_access_key."),
  /** Overrides the source's `aws_session_token`. */
  aws_session_token: z.string().optional().describe("Overrides the source's aws_session_token."),
  /** Overrides the source's `aws_region`. */
  aws_region: z.string().optional().describe("Overrides the source's aws_region."),
  /** Overrides the source's `aws_role_arn`. */
  aws_role_arn: z.string().optional().describe("Overrides the source's aws_role_arn."),
  /** Overrides the source's `aws_role_arns`. */
  aws_role_arns: z.array(z.string()).optional().describe("Overrides the source's aws_role_arns."),
  /** @deprecated No longer needed. */
  aws_ecr_registry_id: z.string().optional().describe("Deprecated: No longer needed."),
};

/** Get params of registry-image. @see https://github.com/concourse/registry-image-resource#in-fetch-the-images-rootfs-and-metadata */
export const RegistryImageGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** `rootfs` (rootfs/ + metadata.json), `oci` (image.tar) or `oci-layout` (oci/). @default "rootfs" */
    format: z
      .enum(["rootfs", "oci", "oci-layout"])
      .optional()
      .describe('rootfs (rootfs/ + metadata.json), oci (image.tar) or oci-layout (oci/). Default: "rootfs".'),
    /** The platform to fetch; overrides the source's. */
    platform: PlatformSchema.optional().describe("The platform to fetch; overrides the source's."),
    /** Write only `repository`, `tag` and `digest` (handy as put `get_params`). @default false */
    skip_download: z.boolean().optional().describe("Write only repository, tag and digest (handy as put get_params). Default: false."),
    ...CredentialOverrides,
  }),
);

/** Put params of registry-image. @see https://github.com/concourse/registry-image-resource#out-push-an-image-up-to-the-registry-under-the-given-tags */
export const RegistryImagePutParamsSchema = lazySchema(() =>
  z.strictObject({
    /** The image to push: a docker-save tarball or an OCI layout directory (a glob matching one path). Required. */
    image: z.string().describe("The image to push: a docker-save tarball or an OCI layout directory (a glob matching one path). Required."),
    /** A semver version to tag (a leading `v` is stripped; `variant` is appended). */
    version: z.string().optional().describe("A semver version to tag (a leading v is stripped; variant is appended)."),
    /** With `version`: also push `X.Y`, `X` and `latest` when newest. Needs `version`. @default false */
    bump_aliases: z.boolean().optional().describe("With version: also push X.Y, X and latest when newest. Needs version. Default: false."),
    /** Path to a file of whitespace-separated extra tags. */
    additional_tags: z.string().optional().describe("Path to a file of whitespace-separated extra tags."),
    /** Prefix of the additional tags; an error without `additional_tags`. */
    tag_prefix: z.string().optional().describe("Prefix of the additional tags; an error without additional_tags."),
    ...CredentialOverrides,
  }),
);

/** Version of registry-image. */
export const RegistryImageVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The tag. */
    tag: z.string().optional().describe("The tag."),
    /** The digest, `sha256:...`. */
    digest: z.string().describe("The digest, sha256:...."),
  }),
);

/** Source of a registry-image resource. @see https://github.com/concourse/registry-image-resource#source-configuration */
export type RegistryImageSource = z.input<typeof RegistryImageSourceSchema>;
/** Get params of registry-image. */
export type RegistryImageGetParams = z.input<typeof RegistryImageGetParamsSchema>;
/** Put params of registry-image. */
export type RegistryImagePutParams = z.input<typeof RegistryImagePutParamsSchema>;
/** Version of registry-image. */
export type RegistryImageVersion = z.input<typeof RegistryImageVersionSchema>;

const putNeedsTag: Rule = (params, report, { source }) => {
  if (isSet(params["version"]) || isSet(params["additional_tags"]) || isSet(asObj(source)?.["tag"])) return;
  report(
    "registry-image-put-no-tag",
    // A warning, not an error: registry-image before v1.0 defaulted the tag to `latest`, and
    // the bundled version follows the Concourse release. On v1.x the put fails.
    "warning",
    [],
    "this put names no tag (source 'tag', params 'version' or params 'additional_tags'): registry-image v1.x fails with \"no tag specified\"",
    "Set `tag` in the source, or `version` / `additional_tags` in the put's params.",
  );
};

/** registry-image's schemas and rules. */
export const registryImageSpec = defineSpec({
  type: "registry-image",
  readme: README,
  strict: true,
  schemas: {
    source: RegistryImageSourceSchema,
    get: RegistryImageGetParamsSchema,
    put: RegistryImagePutParamsSchema,
    version: RegistryImageVersionSchema,
  },
  rules: {
    source: [
      mustBeString("tag", "registry-image-tag-not-string", "a number keeps only its raw text (3.10 becomes 3.1)"),
      exclusive("aws_role_arn", "aws_role_arns", "registry-image-aws-role-arn-and-arns", "authentication fails when both are set"),
      deprecated(
        "aws_ecr_registry_id",
        "registry-image-aws-ecr-registry-id-deprecated",
        "it is no longer needed; remove it (the registry comes from `repository` and `aws_region`)",
      ),
      requires(
        "pre_release_prefixes",
        "pre_releases",
        "registry-image-pre-release-prefixes-without-pre-releases",
        "warning",
        "they apply only with 'pre_releases: true'",
      ),
    ],
    put: [
      requires("tag_prefix", "additional_tags", "registry-image-tag-prefix-without-additional-tags", "error", "the put fails without it"),
      requires("bump_aliases", "version", "registry-image-bump-aliases-without-version", "warning", "aliases are derived from 'version'"),
      putNeedsTag,
    ],
  },
});

/** Files a registry-image get writes (which ones depends on `format`). */
export const REGISTRY_IMAGE_FILES = {
  repository: "repository",
  tag: "tag",
  digest: "digest",
  /** `format: rootfs` (default). */
  rootfs: "rootfs",
  /** `format: rootfs`: `{env, user, entrypoint, cmd}`. */
  metadata: "metadata.json",
  /** `format: rootfs` or `oci`. */
  labels: "labels.json",
  /** `format: oci`. */
  imageTar: "image.tar",
  /** `format: oci-layout`. */
  ociLayout: "oci",
  /** `format: oci-layout`. */
  ociIndex: "oci/index.json",
} as const;

/** Options of a registry-image resource. */
export type RegistryImageOptions = TypedResourceOptions<RegistryImageSource>;

/**
 * An image in a registry.
 *
 * @example
 * const image = new RegistryImage("my-image", { source: { repository: "docker.io/tlwr/my-image", username: vars.user, password: vars.pass } });
 * @see https://github.com/concourse/registry-image-resource
 */
export class RegistryImage extends Resource<
  RegistryImageSource,
  RegistryImageGetParams,
  RegistryImagePutParams,
  typeof REGISTRY_IMAGE_FILES
> {
  constructor(name: string, options: RegistryImageOptions) {
    super(name, { ...options, type: "registry-image" }, REGISTRY_IMAGE_FILES, registryImageSpec);
  }
}
