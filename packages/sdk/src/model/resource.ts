/**
 * Resource, resource type and prototype schemas.
 *
 * @see https://concourse-ci.org/resources.html
 * @see https://concourse-ci.org/resource-types.html
 */
import { z } from "zod";
import { CheckEvery, Config, Duration, Tags, Version } from "./common.ts";

/** A resource. @see https://concourse-ci.org/resources.html#schema.resource */
export const Resource = z
  .strictObject({
    name: z.string(),
    type: z.string(),
    source: Config.nullable().optional(),
    old_name: z.string().optional(),
    icon: z.string().optional(),
    version: Version.optional(),
    check_every: CheckEvery.optional(),
    check_timeout: Duration.optional(),
    expose_build_created_by: z.boolean().optional(),
    tags: Tags.optional(),
    public: z.boolean().optional(),
    webhook_token: z.string().optional(),
  })
  .meta({ id: "Resource", title: "Resource" });
/** A resource. */
export type Resource = z.infer<typeof Resource>;

/** A resource type. @see https://concourse-ci.org/resource-types.html#schema.resource_type */
export const ResourceType = z
  .strictObject({
    name: z.string(),
    type: z.string(),
    source: Config.nullable().optional(),
    privileged: z.boolean().optional(),
    params: Config.optional(),
    check_every: CheckEvery.optional(),
    tags: Tags.optional(),
    defaults: Config.optional(),
  })
  .meta({ id: "ResourceType", title: "Resource type" });
/** A resource type. */
export type ResourceType = z.infer<typeof ResourceType>;

/** A prototype (experimental, RFC #37): the same fields as a resource type. */
export const Prototype = ResourceType.meta({ id: "Prototype", title: "Prototype" });
/** A prototype. */
export type Prototype = ResourceType;
