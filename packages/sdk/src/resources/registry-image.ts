/**
 * The `registry-image` resource (core type): images in a Docker/OCI registry.
 * @see https://github.com/concourse/registry-image-resource
 */
import { Resource, type ResourceOptions } from "../builders/resource.ts";

/** Source of a registry-image resource. @see https://github.com/concourse/registry-image-resource#source-configuration */
export interface RegistryImageSource {
  /** The repository, e.g. `docker.io/tlwr/my-image`. */
  readonly repository: string;
  /** The tag to track; without it, semver tags are discovered. Always a string. */
  readonly tag?: string;
  readonly tag_regex?: string;
  readonly created_at_sort?: boolean;
  readonly variant?: string;
  readonly semver_constraint?: string;
  readonly pre_releases?: boolean;
  readonly pre_release_prefixes?: readonly string[];
  readonly insecure?: boolean;
  /** Registry username; used only together with `password`. */
  readonly username?: string;
  /** Registry password (use a `((var))`). */
  readonly password?: string;
  readonly aws_access_key_id?: string;
  readonly aws_secret_access_key?: string;
  readonly aws_session_token?: string;
  readonly aws_region?: string;
  readonly aws_role_arn?: string;
  readonly aws_role_arns?: readonly string[];
  readonly aws_account_id?: string;
  /** @deprecated no longer needed. */
  readonly aws_ecr_registry_id?: string;
  readonly azure_acr?: boolean;
  readonly azure_client_id?: string;
  readonly azure_tenant_id?: string;
  readonly azure_environment?: "AzurePublic" | "AzureGovernment" | "AzureChina";
  readonly platform?: { readonly architecture?: string; readonly os?: string };
  readonly label_regex?: string;
  readonly annotation_regex?: string;
  readonly registry_mirror?: { readonly host: string; readonly username?: string; readonly password?: string };
  readonly content_trust?: Readonly<Record<string, string>>;
  readonly ca_certs?: readonly string[];
  readonly debug?: boolean;
}

/** Get params of registry-image. */
export interface RegistryImageGetParams {
  readonly format?: "rootfs" | "oci" | "oci-layout";
  readonly platform?: { readonly architecture?: string; readonly os?: string };
  readonly skip_download?: boolean;
}

/** Put params of registry-image. */
export interface RegistryImagePutParams {
  /** The image to push: a tarball or OCI layout path, e.g. `build.outputs.image.file("image.tar")`. */
  readonly image: string;
  readonly version?: string;
  readonly bump_aliases?: boolean;
  readonly additional_tags?: string;
  readonly tag_prefix?: string;
}

/** Files a registry-image get writes (depending on `format`). */
export const REGISTRY_IMAGE_FILES = {
  repository: "repository",
  tag: "tag",
  digest: "digest",
  rootfs: "rootfs",
  metadata: "metadata.json",
  labels: "labels.json",
  imageTar: "image.tar",
  ociLayout: "oci",
} as const;

/**
 * An image in a registry.
 *
 * @example
 * const image = new RegistryImage("my-image", { source: { repository: "docker.io/tlwr/my-image", username: vars.user, password: vars.pass } });
 */
export class RegistryImage extends Resource<
  RegistryImageSource,
  RegistryImageGetParams,
  RegistryImagePutParams,
  typeof REGISTRY_IMAGE_FILES
> {
  constructor(name: string, options: ResourceOptions<RegistryImageSource> & { readonly source: object }) {
    super(name, { ...options, type: "registry-image" }, REGISTRY_IMAGE_FILES);
  }
}
