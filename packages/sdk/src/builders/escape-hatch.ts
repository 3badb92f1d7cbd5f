/**
 * Values given through escape hatches (`extra`, `rawStep`, a task's raw `config`) are the
 * only config the builders did not shape themselves, so they are the only parts render
 * checks against the config model's schemas. Builders record where each one landed; the
 * check itself runs in render (render/escape-hatch-check.ts), so that building a pipeline
 * loads no schema.
 */
import type { PathSegment } from "../diagnostics/diagnostic.ts";

/** Which schema of the config model an escape-hatch value must match. */
export type EscapeHatchSchema = "pipeline" | "job" | "step" | "resource" | "resource-type" | "task-config";

/** One escape-hatch value, as rendered. */
export interface EscapeHatchValue {
  /** The schema the object at `path` must match. */
  readonly schema: EscapeHatchSchema;
  /** Where the object is in the config. */
  readonly path: readonly PathSegment[];
  /** The rendered object (the whole step, job, resource...). */
  readonly value: unknown;
  /**
   * The keys of `value` that came through the hatch (`extra`): only they are checked, the
   * rest the builder made. Absent: the whole value came from the user (`rawStep`).
   */
  readonly keys?: readonly string[];
}

/** The keys of a resolved `extra` (none when it did not resolve to a mapping). */
export function extraKeys(resolved: unknown): string[] {
  return typeof resolved === "object" && resolved !== null && !Array.isArray(resolved) ? Object.keys(resolved) : [];
}
