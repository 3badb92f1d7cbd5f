/**
 * Walks the steps of a YAML job: plan, nested steps (`in_parallel`, `do`, `try`) and hooks.
 */
import type { JsonValue } from "../model/common.ts";
import { isObject, type JsonObject } from "./load.ts";

/** Hook keys, on steps and jobs. */
export const HOOKS = [
  ["on_success", "onSuccess"],
  ["on_failure", "onFailure"],
  ["on_error", "onError"],
  ["on_abort", "onAbort"],
  ["ensure", "ensure"],
] as const;

/** The steps directly inside a step (or a job). */
export function childSteps(step: JsonObject): JsonObject[] {
  const out: JsonValue[] = [];
  const parallel = step["in_parallel"];
  if (Array.isArray(parallel)) out.push(...parallel);
  else if (isObject(parallel) && Array.isArray(parallel["steps"])) out.push(...parallel["steps"]);
  if (Array.isArray(step["do"])) out.push(...step["do"]);
  if (Array.isArray(step["plan"])) out.push(...step["plan"]);
  if (step["try"] !== undefined) out.push(step["try"]);
  for (const [key] of HOOKS) if (step[key] !== undefined) out.push(step[key]);
  return out.filter(isObject);
}

/** Calls `fn` on every step of a job, depth first. */
export function forEachStep(job: JsonObject, fn: (step: JsonObject) => void): void {
  const visit = (step: JsonObject): void => {
    fn(step);
    for (const child of childSteps(step)) visit(child);
  };
  for (const child of childSteps(job)) visit(child);
}
