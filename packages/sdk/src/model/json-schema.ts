/**
 * JSON Schema generated from the config model, for editors (yaml-language-server) and
 * other tools.
 */
import { z } from "zod";
import { PipelineConfig } from "./pipeline.ts";

/**
 * The JSON Schema (draft 2020-12) of a Concourse pipeline, as contrail models it.
 *
 * The top level accepts keys the model does not know, as Concourse does: it drops them
 * while decoding, and pipelines use them to hold YAML anchors (`meta:`, `task-config:`).
 * Everywhere below the top level, a misspelt key stays an error.
 *
 * @see https://concourse-ci.org/pipelines.html#schema.pipeline
 */
export function pipelineJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PipelineConfig, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const root = defs.Pipeline ?? schema;
  delete root.additionalProperties;
  return { ...schema, $id: "https://contrail.dev/schema/pipeline.json" };
}
