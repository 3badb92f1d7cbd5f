/**
 * Checks what came through the escape hatches (`extra`, `rawStep`, a raw task `config`)
 * against the config model's schemas. Everything else in a rendered config the builders
 * shaped themselves, so parsing the whole config again would only re-check their work:
 * that parse was most of a large pipeline's synth time (issue 11, item 4).
 */
import type { z } from "zod";
import type { EscapeHatchSchema, EscapeHatchValue } from "../builders/escape-hatch.ts";
import { type Diagnostic, formatPath, type PathSegment } from "../diagnostics/diagnostic.ts";
import { Job } from "../model/job.ts";
import { PipelineConfig } from "../model/pipeline.ts";
import { Resource, ResourceType } from "../model/resource.ts";
import { Step, stepMemberOf } from "../model/step.ts";
import { TaskConfig } from "../model/task-config.ts";

const HINT =
  "This part of the pipeline does not match Concourse's schema; check values given through `extra`, `rawStep` or a raw task `config`.";

function schemaFor(kind: EscapeHatchSchema, value: unknown): z.ZodType {
  switch (kind) {
    case "pipeline":
      return PipelineConfig;
    case "job":
      return Job;
    case "step":
      return stepMemberOf(value) ?? Step;
    case "resource":
      return Resource;
    case "resource-type":
      return ResourceType;
    case "task-config":
      return TaskConfig;
  }
}

/**
 * The keys of `value` named by `keys`, checked with the object schema's fields for them:
 * a key the schema does not have is zod's own "Unrecognized key" issue, as when the whole
 * object is parsed.
 */
function checkKeys(schema: z.ZodType, value: unknown, keys: readonly string[]): z.core.$ZodIssue[] {
  if (keys.length === 0) return [];
  const object = schema as z.ZodObject;
  const source = value as Record<string, unknown>;
  const subset: Record<string, unknown> = {};
  const known: Record<string, true> = {};
  for (const key of keys) {
    subset[key] = source[key];
    if (Object.hasOwn(object.shape, key)) known[key] = true;
  }
  return issuesOf(object.pick(known), subset);
}

function issuesOf(schema: z.ZodType, value: unknown): z.core.$ZodIssue[] {
  // jitless: zod would otherwise compile a fast path for each object schema on its first
  // parse, which costs more than these few parses.
  const parsed = schema.safeParse(value, { jitless: true });
  return parsed.success ? [] : parsed.error.issues;
}

/** Every mismatch of an escape-hatch value with the model, as `invalid-config` errors. */
export function escapeHatchDiagnostics(values: readonly EscapeHatchValue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const hatch of values) {
    const schema = schemaFor(hatch.schema, hatch.value);
    const issues = hatch.keys === undefined ? issuesOf(schema, hatch.value) : checkKeys(schema, hatch.value, hatch.keys);
    for (const issue of issues) {
      const at = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
      out.push({ code: "invalid-config", severity: "error", message: issue.message, path: formatPath([...hatch.path, ...at]), hint: HINT });
    }
  }
  return out;
}
