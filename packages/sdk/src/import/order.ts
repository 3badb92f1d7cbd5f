/**
 * The order jobs are declared in: every job after the jobs its `passed:` constraints name,
 * so that plain `plan: [...]` arrays compile. Jobs in a cycle, or naming a job that cannot
 * come first, are marked to use the function form `plan: () => [...]`.
 */
import type { JsonObject } from "./load.ts";
import { forEachStep } from "./walk.ts";

/** The jobs each job's steps name in `passed:`. */
export function passedJobs(job: JsonObject): Set<string> {
  const out = new Set<string>();
  forEachStep(job, (step) => {
    const passed = step["passed"];
    if (Array.isArray(passed)) for (const p of passed) if (typeof p === "string") out.add(p);
  });
  return out;
}

/** A job in declaration order. */
export interface OrderedJob {
  readonly job: JsonObject;
  /** True when the plan refers to a job declared later (or itself). */
  readonly deferred: boolean;
}

/**
 * Declaration order: repeatedly the first job (in file order) whose `passed:` jobs are all
 * declared; when none is (a cycle), the first remaining job, deferred.
 */
export function orderJobs(jobs: readonly JsonObject[]): OrderedJob[] {
  const names = new Set(jobs.map((j) => String(j["name"])));
  const deps = jobs.map((j) => [...passedJobs(j)].filter((n) => names.has(n)));
  const declared = new Set<string>();
  const remaining = jobs.map((_, i) => i);
  const out: OrderedJob[] = [];
  while (remaining.length > 0) {
    let pick = remaining.findIndex((i) => (deps[i] ?? []).every((d) => declared.has(d)));
    const ready = pick >= 0;
    if (!ready) pick = 0;
    const index = remaining[pick] as number;
    remaining.splice(pick, 1);
    const job = jobs[index] as JsonObject;
    const name = String(job["name"]);
    const deferred = !ready || (deps[index] ?? []).includes(name);
    declared.add(name);
    out.push({ job, deferred });
  }
  return out;
}
