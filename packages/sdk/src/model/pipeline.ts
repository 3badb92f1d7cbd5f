/**
 * The top-level pipeline schema, and groups, var sources and display settings.
 *
 * Concourse drops unknown top-level keys silently, but everything contrail renders is
 * meant to be read, so the model is strict at the top level too.
 *
 * @see https://concourse-ci.org/pipelines.html
 */
import { z } from "zod";
import { JsonValue } from "./common.ts";
import { Job } from "./job.ts";
import { Prototype, Resource, ResourceType } from "./resource.ts";

/** A group of jobs in the web UI. @see https://concourse-ci.org/pipelines.html#schema.group_config */
export const Group = z
  .strictObject({
    name: z.string(),
    jobs: z.array(z.string()).optional(),
    resources: z.array(z.string()).optional(),
  })
  .meta({ id: "Group", title: "Group" });
/** A group. */
export type Group = z.infer<typeof Group>;

/** A credential manager scoped to the pipeline. @see https://concourse-ci.org/vars.html#var-sources */
export const VarSource = z
  .strictObject({
    name: z.string(),
    type: z.string(),
    config: JsonValue.optional(),
  })
  .meta({ id: "VarSource", title: "Var source" });
/** A var source. */
export type VarSource = z.infer<typeof VarSource>;

/** Web UI display settings. @see https://concourse-ci.org/pipelines.html#schema.display_config */
export const Display = z
  .strictObject({
    background_image: z.string().optional(),
    background_filter: z.string().optional(),
  })
  .meta({ id: "Display", title: "Display" });
/** Display settings. */
export type Display = z.infer<typeof Display>;

/** A whole pipeline config. @see https://concourse-ci.org/pipelines.html#schema.pipeline */
export const PipelineConfig = z
  .strictObject({
    display: Display.optional(),
    var_sources: z.array(VarSource).optional(),
    resource_types: z.array(ResourceType).optional(),
    prototypes: z.array(Prototype).optional(),
    resources: z.array(Resource).optional(),
    jobs: z.array(Job),
    groups: z.array(Group).optional(),
    user_data: JsonValue.optional(),
  })
  .meta({ id: "Pipeline", title: "Concourse pipeline" });
/** A whole pipeline config. */
export type PipelineConfig = z.infer<typeof PipelineConfig>;
