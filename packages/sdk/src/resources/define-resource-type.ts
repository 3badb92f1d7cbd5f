/**
 * User-defined resource types: give zod schemas for a type's `source` and params, and get
 * a typed resource class whose `resource_types:` entry contrail declares for you, once.
 *
 * @see https://concourse-ci.org/resource-types.html
 * @see https://concourse-ci.org/implementing-resource-types.html
 */
import type { z } from "zod";
import type { FileMap } from "../builders/get-step.ts";
import { GettableResource, Resource } from "../builders/resource.ts";
import { ResourceType } from "../builders/resource-type.ts";
import { onUsersBehalf } from "../diagnostics/source-site.ts";
import { defineSpec, type ResourceSpec, type Rule, type TypedResourceOptions } from "./_define.ts";

/**
 * The image of a resource type: a registry image, or a type and source like `resource_types`
 * entries. (No `digest`: a `resource_types` entry has no `version` to pin one with, and
 * registry-image's source has no digest field; pin a tag.)
 */
export type ResourceTypeImage =
  | { readonly repository: string; readonly tag?: string }
  | { readonly type: string | ResourceType; readonly source: Readonly<Record<string, unknown>> };

/** What {@link defineResourceType} takes. */
export interface ResourceTypeDefinition<
  S extends z.ZodType,
  G extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  F extends FileMap,
  D extends Partial<z.input<S>> = Record<never, never>,
> {
  /** The type's name in `resource_types:` and `type:`. */
  readonly name: string;
  /** Where its image comes from. */
  readonly image: ResourceTypeImage;
  /** The schema of `source`. */
  readonly source: S;
  /** The schema of get `params`. @default no params checked */
  readonly get?: G;
  /** The schema of put `params`; without it the type is get-only and has no `put()`. */
  readonly put?: P;
  /** The schema of `version`. */
  readonly version?: z.ZodType;
  /** Files a get writes, by handle name: `{ tag: "tag" }`. */
  readonly files?: F;
  /** `source` defaults merged into every resource of this type (`defaults:`); these fields become optional. */
  readonly defaults?: D;
  /** Run the type's containers privileged. */
  readonly privileged?: boolean;
  /** How often to check for a new image, e.g. `"24h"`. */
  readonly checkEvery?: string;
  /** Get params used to fetch the type's image. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Worker tags. */
  readonly tags?: readonly string[];
  /** Cross-field rules per kind, as the built-in types have. */
  readonly rules?: { readonly source?: readonly Rule[]; readonly get?: readonly Rule[]; readonly put?: readonly Rule[] };
  /** Whether the type rejects unknown keys (then they are errors, else warnings). @default true */
  readonly strict?: boolean;
  /** Its README, linked from messages. */
  readonly readme?: string;
}

type In<T> = T extends z.ZodType ? z.input<T> : Record<string, unknown>;

/** A source type with the fields that `defaults` supplies made optional. */
export type SourceWithDefaults<Source, Defaults> = [keyof Defaults] extends [never]
  ? Source
  : Omit<Source, keyof Defaults & keyof Source> & Partial<Pick<Source, keyof Defaults & keyof Source>>;

/** The class {@link defineResourceType} returns: with `put()` when a put schema is given. */
export type DefinedResourceClass<S extends z.ZodType, G, P, F extends FileMap, D = Record<never, never>> = (P extends z.ZodType
  ? new (
      name: string,
      options: TypedResourceOptions<SourceWithDefaults<z.input<S>, D>>,
    ) => Resource<SourceWithDefaults<z.input<S>, D>, In<G>, z.input<P>, F>
  : new (
      name: string,
      options: TypedResourceOptions<SourceWithDefaults<z.input<S>, D>>,
    ) => GettableResource<SourceWithDefaults<z.input<S>, D>, In<G>, F>) & {
  /** The declared resource type, rendered into `resource_types:` once. */
  readonly resourceType: ResourceType;
  /** The type's schemas and rules. */
  readonly spec: ResourceSpec;
};

/**
 * Defines a typed resource class for a resource type that is not built in.
 *
 * @example
 * const SlackNotification = defineResourceType({
 *   name: "slack-notification",
 *   image: { repository: "cfcommunity/slack-notification-resource", tag: "v1.7.0" },
 *   source: z.strictObject({ url: z.string() }),
 *   put: z.strictObject({ text: z.string().optional(), channel: z.string().optional() }),
 * });
 * const slack = new SlackNotification("slack", { source: { url: vars.slack_webhook } });
 * slack.put({ params: { text: "deployed" } });
 */
export function defineResourceType<
  S extends z.ZodType,
  G extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  const F extends FileMap = Record<never, string>,
  const D extends Partial<z.input<S>> = Record<never, never>,
>(definition: ResourceTypeDefinition<S, G, P, F, D>): DefinedResourceClass<S, G, P, F, D> {
  const d = definition;
  const image = d.image;
  const resourceType = onUsersBehalf(
    defineResourceType,
    () =>
      new ResourceType(d.name, {
        ...("repository" in image
          ? {
              type: "registry-image",
              source: { repository: image.repository, ...(image.tag !== undefined ? { tag: image.tag } : {}) },
            }
          : { type: image.type, source: image.source }),
        ...(d.privileged !== undefined ? { privileged: d.privileged } : {}),
        ...(d.params !== undefined ? { params: d.params } : {}),
        ...(d.checkEvery !== undefined ? { checkEvery: d.checkEvery } : {}),
        ...(d.tags !== undefined ? { tags: d.tags } : {}),
        ...(d.defaults !== undefined ? { defaults: d.defaults } : {}),
      }),
  );
  const base = defineSpec({
    type: d.name,
    readme: d.readme ?? `the '${d.name}' resource type's documentation`,
    strict: d.strict ?? true,
    schemas: {
      source: d.source,
      ...(d.get !== undefined ? { get: d.get } : {}),
      ...(d.put !== undefined ? { put: d.put } : {}),
      ...(d.version !== undefined ? { version: d.version } : {}),
    },
    ...(d.rules !== undefined ? { rules: d.rules } : {}),
  });
  // Concourse merges `defaults:` into each resource's source before running it.
  const spec: ResourceSpec = {
    ...base,
    validate: (kind, value, context) =>
      base.validate(kind, kind === "source" && d.defaults !== undefined ? { ...d.defaults, ...(value as object) } : value, context),
  };
  const files = d.files;
  const Defined =
    d.put !== undefined
      ? class extends Resource {
          static readonly resourceType = resourceType;
          static readonly spec = spec;
          constructor(name: string, options: TypedResourceOptions<Record<string, unknown>>) {
            super(name, { ...options, type: resourceType }, files, spec);
          }
        }
      : class extends GettableResource {
          static readonly resourceType = resourceType;
          static readonly spec = spec;
          constructor(name: string, options: TypedResourceOptions<Record<string, unknown>>) {
            super(name, { ...options, type: resourceType }, files, spec);
          }
        };
  return Defined as unknown as DefinedResourceClass<S, G, P, F, D>;
}
