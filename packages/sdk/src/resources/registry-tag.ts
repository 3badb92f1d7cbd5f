/**
 * The `registry-tag` resource (tlwr/registry-tag-resource): new tags of an image, e.g. the
 * newest `ruby` release. Not a core type: contrail declares its resource type. It has no
 * `out`, so it has no `put()`. It ignores unknown keys.
 * @see https://github.com/tlwr/registry-tag-resource
 */
import { z } from "zod";
import { GettableResource, type ResourceOptions } from "../builders/resource.ts";
import { ResourceType } from "../builders/resource-type.ts";
import type { Input } from "../builders/values.ts";
import { asObj, defineSpec, isSet, type Rule } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/tlwr/registry-tag-resource";

/** Source of a registry-tag resource. @see https://github.com/tlwr/registry-tag-resource#source-configuration */
export const RegistryTagSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The registry API URL: `https://hub.docker.com/v2/repositories/<ns>/<name>` (official images: `library/<name>`) or `https://<host>/v2/<name>`. Required. */
    uri: z
      .string()
      .describe(
        "The registry API URL: https://hub.docker.com/v2/repositories/<ns>/<name> (official images: library/<name>) or https://<host>/v2/<name>. Required.",
      ),
    /** HTTP basic auth username (not for Docker Hub). @default "" */
    username: z.string().optional().describe('HTTP basic auth username (not for Docker Hub). Default: "".'),
    /** HTTP basic auth password (not for Docker Hub). @default "" */
    password: z.string().optional().describe('HTTP basic auth password (not for Docker Hub). Default: "".'),
    /** Pages of tags to read (≥ 1). @default 1 */
    pages: z.number().int().min(1).optional().describe("Pages of tags to read (≥ 1). Default: 1."),
    /** Tags per page (≥ 1). @default 25 */
    tags_per_page: z.number().int().min(1).optional().describe("Tags per page (≥ 1). Default: 25."),
    /** Only tags matching this (Ruby, unanchored) regex; applied before `semver`. */
    regexp: z.string().optional().describe("Only tags matching this (Ruby, unanchored) regex; applied before semver."),
    /** Semver filtering and ordering. */
    semver: z
      .strictObject({
        /** A requirement such as `~1.5` or `>= 3.0`; the block does nothing without it. */
        matcher: z.string().optional().describe("A requirement such as ~1.5 or >= 3.0; the block does nothing without it."),
        /** A regex removed from tags before parsing them. @default "" */
        prefix: z.string().optional().describe('A regex removed from tags before parsing them. Default: "".'),
      })
      .optional()
      .describe("Semver filtering and ordering."),
    /** Order of tags, instead of semver. */
    sort: z
      .strictObject({
        /** `alphabetical` or `numerical` (on the tag's digits). Mutually exclusive with `semver.matcher`. */
        method: z
          .enum(["alphabetical", "numerical"])
          .optional()
          .describe("alphabetical or numerical (on the tag's digits). Mutually exclusive with semver.matcher."),
        /** Reverse the final order. @default false */
        reverse: z.boolean().optional().describe("Reverse the final order. Default: false."),
      })
      .optional()
      .describe("Order of tags, instead of semver."),
  }),
);

/** Get params of registry-tag: none. */
export const RegistryTagGetParamsSchema = lazySchema(() => z.strictObject({}));

/** Version of registry-tag. */
export const RegistryTagVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The tag. */
    tag: z.string().describe("The tag."),
  }),
);

/** Source of a registry-tag resource. @see https://github.com/tlwr/registry-tag-resource#source-configuration */
export type RegistryTagSource = z.input<typeof RegistryTagSourceSchema>;
/** Get params of registry-tag: none. */
export type RegistryTagGetParams = z.input<typeof RegistryTagGetParamsSchema>;

const sortAndSemver: Rule = (source, report) => {
  if (isSet(asObj(source["sort"])?.["method"]) && isSet(asObj(source["semver"])?.["matcher"])) {
    report(
      "registry-tag-sort-and-semver",
      "error",
      ["sort", "method"],
      "'sort.method' and 'semver.matcher' are mutually exclusive: the resource fails when both are set",
      "Keep `semver.matcher` to order by semver, or `sort.method` to order otherwise.",
    );
  }
};

const basicAuthOnHub: Rule = (source, report) => {
  const uri = source["uri"];
  if (typeof uri === "string" && uri.includes("hub.docker.com") && (isSet(source["username"]) || isSet(source["password"]))) {
    report(
      "registry-tag-basic-auth-docker-hub",
      "error",
      [isSet(source["username"]) ? "username" : "password"],
      "basic auth is not supported with Docker Hub: the resource fails with a hub.docker.com URI and credentials",
      "Remove username/password; Docker Hub's tag API is public.",
    );
  }
};

/** registry-tag's schemas and rules. */
export const registryTagSpec = defineSpec({
  type: "registry-tag",
  readme: README,
  strict: false,
  schemas: { source: RegistryTagSourceSchema, get: RegistryTagGetParamsSchema, version: RegistryTagVersionSchema },
  rules: { source: [sortAndSemver, basicAuthOnHub] },
});

/** Files a registry-tag get writes. */
export const REGISTRY_TAG_FILES = { tag: "tag", digest: "digest" } as const;

/** Options of a registry-tag resource. */
export interface RegistryTagOptions extends ResourceOptions<RegistryTagSource> {
  /** The source (required). */
  readonly source: Input<RegistryTagSource>;
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
 * Tags of an image in a registry. Get-only: there is no `put()`.
 *
 * @example
 * const rubyTag = new RegistryTag("ruby-img-tag", {
 *   source: { uri: "https://hub.docker.com/v2/repositories/library/ruby", semver: { matcher: ">= 2.7" } },
 * });
 * const tag = rubyTag.get({ trigger: true });
 * loadVar("ruby_version", tag.files.tag);
 * @see https://github.com/tlwr/registry-tag-resource
 */
export class RegistryTag extends GettableResource<RegistryTagSource, RegistryTagGetParams, typeof REGISTRY_TAG_FILES> {
  constructor(name: string, options: RegistryTagOptions) {
    const { resourceType, ...rest } = options;
    super(name, { ...rest, type: resourceType ?? registryTagType }, REGISTRY_TAG_FILES, registryTagSpec);
  }
}
