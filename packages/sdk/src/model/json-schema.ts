/**
 * JSON Schema generated from the config model, for editors (yaml-language-server) and
 * other tools.
 */
import { z } from "zod";
import { PipelineConfig } from "./pipeline.ts";

/** The JSON Schema (draft 2020-12) of a Concourse pipeline, as contrail models it. */
export function pipelineJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PipelineConfig, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, $id: "https://contrail.dev/schema/pipeline.json" };
}
