/**
 * The `registry-tag` resource (tlwr/registry-tag-resource): new tags of an image, e.g. the
 * newest `ruby` release. Not a core type: contrail declares its resource type. It has no
 * `out`, so it has no `put()`.
 * @see https://github.com/tlwr/registry-tag-resource
 */
import { GettableResource, type ResourceOptions } from "../builders/resource.ts";
import { ResourceType } from "../builders/resource-type.ts";

/** Source of a registry-tag resource. */
export interface RegistryTagSource {
  /** The registry API URL, e.g. `https://hub.docker.com/v2/repositories/library/ruby`. */
  readonly uri: string;
  /** Basic auth (not for Docker Hub). */
  readonly username?: string;
  readonly password?: string;
  /** Pages of tags to read. @default 1 */
  readonly pages?: number;
  /** @default 25 */
  readonly tags_per_page?: number;
  /** Only tags matching this (Ruby) regex. */
  readonly regexp?: string;
  /** Only tags matching this semver requirement. */
  readonly semver?: { readonly matcher: string; readonly prefix?: string };
  /** Order of tags, instead of semver. Not with `semver.matcher`. */
  readonly sort?: { readonly method?: "alphabetical" | "numerical"; readonly reverse?: boolean };
}

/** Files a registry-tag get writes. */
export const REGISTRY_TAG_FILES = { tag: "tag", digest: "digest" } as const;

/** Options of a registry-tag resource. */
export interface RegistryTagOptions extends ResourceOptions<RegistryTagSource> {
  readonly source: ResourceOptions<RegistryTagSource>["source"] & object;
  /** The resource type to use. @default {@link registryTagType} */
  readonly resourceType?: ResourceType;
}

/**
 * The resource type of registry-tag, pinned to the image the seed blog post used. Make
 * your own with `new ResourceType("registry-tag", ...)` to pin another.
 */
export const registryTagType: ResourceType = new ResourceType("registry-tag", {
  type: "registry-image",
  source: { repository: "tlwr/registry-tag-resource", tag: "1593696431" },
});

/**
 * Tags of an image in a registry.
 *
 * @example
 * const rubyTag = new RegistryTag("ruby-img-tag", {
 *   source: { uri: "https://hub.docker.com/v2/repositories/library/ruby", semver: { matcher: ">= 2.7" } },
 * });
 * const tag = rubyTag.get({ trigger: true });
 * loadVar("ruby_version", tag.files.tag);
 */
export class RegistryTag extends GettableResource<RegistryTagSource, Record<string, never>, typeof REGISTRY_TAG_FILES> {
  constructor(name: string, options: RegistryTagOptions) {
    const { resourceType, ...rest } = options;
    super(name, { ...rest, type: resourceType ?? registryTagType }, REGISTRY_TAG_FILES);
  }
}
