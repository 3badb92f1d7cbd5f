/**
 * `undefined-local-var`: `((.:name))` used where no `load_var` before it, and no enclosing
 * `across`, defines `name`. Concourse leaves it to run time (`undefined var`).
 *
 * @see https://concourse-ci.org/vars.html#local-vars
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { type CoreKey, detectStepOf, HOOKS } from "../step-kinds.ts";
import type { Report } from "../validate/report.ts";
import { mayContain } from "../value-search.ts";
import { arr, type Obj, obj, text } from "../values.ts";
import { childSteps } from "../walk.ts";

const LOCAL_VAR = /\(\(\.:([-\w\p{L}]+)/gu;
const NESTED = new Set<string>(["try", "do", "in_parallel", ...HOOKS]);

/** Local var names used in a value (strings and keys, nested). */
function usedVars(value: unknown, into: Map<string, string>, key: string): void {
  if (typeof value === "string") {
    if (value.includes("((.:")) for (const m of value.matchAll(LOCAL_VAR)) if (m[1] && !into.has(m[1])) into.set(m[1], key);
  } else if (Array.isArray(value)) for (const v of value) usedVars(v, into, key);
  else if (obj(value)) {
    const o = value as Obj;
    for (const k in o) {
      if (!Object.hasOwn(o, k)) continue;
      usedVars(o[k], into, key);
      usedVars(k, into, key);
    }
  }
}

function visit(value: unknown, defined: Set<string>, path: readonly PathSegment[], report: Report): void {
  const step = obj(value);
  if (!step) return;
  const { core } = detectStepOf(step);
  const composite = core === "try" || core === "do" || core === "in_parallel";
  // A scope of its own only where one opens (an across, a nested plan); every other step
  // reads the job's, and most steps are those.
  const own = composite || step.across !== undefined ? new Set(defined) : defined;
  for (const v of arr(step.across)) own.add(text(obj(v)?.var));
  const used = new Map<string, string>();
  for (const key in step) {
    if (Object.hasOwn(step, key) && !NESTED.has(key) && key !== "across") usedVars(step[key], used, key);
  }
  for (const [name, key] of used) {
    if (!own.has(name)) {
      report.warning(
        "undefined-local-var",
        `((.:${name})) is used here, but no load_var before this step or enclosing across defines '${name}'`,
        [...path, key],
        step,
        key,
        "add a load_var step before this step, or an across var, named so",
      );
    }
  }
  if (core === "load_var") defined.add(text(step.load_var));
  const inner = composite ? own : defined;
  for (const child of childSteps(step, core as CoreKey | undefined)) {
    const isHook = (HOOKS as readonly unknown[]).includes(child.path[0]);
    visit(child.step, isHook ? defined : inner, [...path, ...child.path], report);
  }
  if (inner !== defined) for (const name of inner) if (!arr(step.across).some((v) => text(obj(v)?.var) === name)) defined.add(name);
}

/** Runs `undefined-local-var` on every job. */
export function checkLocalVars(config: Obj, report: Report): void {
  // Most pipelines use no local var at all: one search of all jobs says so.
  if (Array.isArray(config.jobs) && !mayContain(config.jobs, "localVar")) return;
  for (const value of arr(config.jobs)) {
    const job = obj(value);
    // Most jobs use no local var: a search says so without walking their steps.
    if (!job || !mayContain(job, "localVar")) continue;
    const base: PathSegment[] = ["jobs", text(job.name)];
    const defined = new Set<string>();
    arr(job.plan).forEach((s, i) => {
      visit(s, defined, [...base, "plan", i], report);
    });
    for (const hook of HOOKS) if (job[hook] !== undefined) visit(job[hook], defined, [...base, hook], report);
  }
}
