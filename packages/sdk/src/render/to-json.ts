/**
 * Config model to JSON text. JSON is valid pipeline input for fly too; it is offered for
 * tools that read pipelines (jq, other generators) and for diffing against Concourse's own
 * JSON (`fly get-pipeline --json`).
 */
import type { PipelineConfig } from "../model/pipeline.ts";
import { canonicalPipeline } from "./canonical.ts";

/**
 * Renders a pipeline config as 2-space JSON with a trailing newline, in the same canonical
 * key order as the YAML output, so that the two forms diff alike. Throws, like `toYaml`,
 * on values JSON would silently change (a non-finite number becomes `null` otherwise).
 */
export function toJson(config: PipelineConfig): string {
  return `${JSON.stringify(canonicalPipeline(config), null, 2)}\n`;
}
