/**
 * Jobs to consts: `new Job(name, { plan: [...], ...options })`, with the consts of the steps
 * other steps refer to declared just before (or inside a function-form plan).
 */

import type { ImportContext } from "./context.ts";
import { type ConstDecl, withExtra } from "./emit-resources.ts";
import { StepEmitter } from "./emit-steps.ts";
import type { Block, Expr } from "./expr.ts";
import { arr, newExpr, obj, str } from "./expr.ts";
import { isObject, type JsonObject } from "./load.ts";
import type { OrderedJob } from "./order.ts";
import { ImportScope } from "./scope.ts";
import { HOOKS } from "./walk.ts";

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Emits one job: step consts first, then the job's const. */
export function emitJob(ctx: ImportContext, { job, deferred }: OrderedJob): ConstDecl[] {
  const name = String(job["name"]);
  const constName = ctx.jobs.get(name) ?? name;
  ctx.currentJob = name;
  const scope = new ImportScope();
  const plan = new StepEmitter(ctx);
  const steps = Array.isArray(job["plan"]) ? plan.sequence(job["plan"], scope) : undefined;
  const hooks = new StepEmitter(ctx);
  const hookScope = deferred ? new ImportScope() : scope;
  const props: [string, Expr][] = [];
  const consumed = new Set(["name"]);
  const planIndex = props.length;
  const take = (key: string, option: string, expr: Expr): void => {
    props.push([option, expr]);
    consumed.add(key);
  };
  for (const key of [
    "old_name",
    "public",
    "serial",
    "serial_groups",
    "max_in_flight",
    "build_log_retention",
    "disable_manual_trigger",
    "disable_reruns",
    "interruptible",
    "tags",
  ]) {
    const v = job[key];
    if (v === undefined) continue;
    const option = key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    if (typeof v === "boolean" && ["public", "serial", "disable_manual_trigger", "disable_reruns", "interruptible"].includes(key))
      take(key, option, { k: "bool", v });
    else if (key === "old_name" && typeof v === "string") take(key, option, str(v));
    else if ((key === "serial_groups" || key === "tags") && isStrings(v)) take(key, option, ctx.value(v));
    else if (key === "max_in_flight" && typeof v === "number" && Number.isInteger(v)) take(key, option, { k: "num", v });
    else if (
      key === "build_log_retention" &&
      isObject(v) &&
      Object.entries(v).every(([k, n]) => ["builds", "minimum_succeeded_builds", "days"].includes(k) && typeof n === "number")
    ) {
      take(
        key,
        option,
        obj(Object.entries(v).map(([k, n]) => [k === "minimum_succeeded_builds" ? "minimumSucceededBuilds" : k, ctx.value(n)] as const)),
      );
    }
  }
  for (const [key, option] of HOOKS) {
    const hook = job[key];
    if (isObject(hook)) take(key, option, hooks.step(hook, hookScope));
  }
  // Hooks may refer to plan steps: name the plan's consts only once they are walked, and
  // only then is it known which anchored steps can be a factory's call.
  ctx.factories.resolve();
  const planConsts = named(ctx, plan, name);
  const hookConsts = named(ctx, hooks, name);
  if (steps) {
    consumed.add("plan");
    let planExpr: Expr = arr(steps);
    if (deferred && planConsts.length === 0) planExpr = { k: "arrow", body: arr(steps) };
    else if (deferred) {
      const block: Block = { k: "block", consts: planConsts.map((c) => [c.name, c.init] as const), ret: arr(steps) };
      planExpr = { k: "arrow", body: block };
    }
    props.splice(planIndex, 0, ["plan", planExpr]);
  }
  const init = newExpr("Job", str(name), withExtra(ctx, props, job, consumed));
  return [...(deferred ? [] : planConsts), ...hookConsts, { name: constName, init }];
}

/** Names the referenced step nodes, in the order they were finished; `job` qualifies a name taken elsewhere. */
function named(ctx: ImportContext, emitter: StepEmitter, job: string): ConstDecl[] {
  const out: ConstDecl[] = [];
  for (const node of emitter.nodes) {
    if (!node.referenced || node.constName !== undefined) continue;
    const init = node.expr();
    node.constName = ctx.names.allocate(node.baseName, node.suffix, [job]);
    out.push({ name: node.constName, init });
  }
  return out;
}

/** Reads the jobs list (objects only). */
export function jobObjects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
