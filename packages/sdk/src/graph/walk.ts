/**
 * Finds every `get` and `put` of a job, wherever it sits in the plan: inside `in_parallel`,
 * `do`, `try`, `across`, and in step or job hooks, in the order a reader meets them.
 */
import type { GetStep, Job, PutStep, Step, StepHooks } from "../model/index.ts";
import { HOOK_KEYS } from "../model/index.ts";

/** A `get` of a job, reduced to what the graph draws. */
export interface JobInput {
  /** The resource fetched (`resource:`, else the step name). */
  readonly resource: string;
  /** The step's name (`get:`). */
  readonly name: string;
  /** Whether a new version starts the job. */
  readonly trigger: boolean;
  /** The upstream jobs the version must have passed. */
  readonly passed: readonly string[];
}

/** A `put` of a job. */
export interface JobOutput {
  /** The resource pushed to (`resource:`, else the step name). */
  readonly resource: string;
  /** The step's name (`put:`). */
  readonly name: string;
}

/** The resources a job reads and writes. */
export interface JobIo {
  readonly inputs: readonly JobInput[];
  readonly outputs: readonly JobOutput[];
}

/** Calls `visit` on `step` and every step nested in it, depth first, hooks last. */
export function forEachStep(step: Step, visit: (step: Step) => void): void {
  visit(step);
  if ("in_parallel" in step) {
    const inner = Array.isArray(step.in_parallel) ? step.in_parallel : step.in_parallel.steps;
    for (const s of inner) forEachStep(s, visit);
  } else if ("do" in step) {
    for (const s of step.do) forEachStep(s, visit);
  } else if ("try" in step) {
    forEachStep(step.try, visit);
  }
  forEachHook(step, (hook) => forEachStep(hook, visit));
}

/** Calls `visit` on each hook of a step or job, in Concourse's hook order. */
export function forEachHook(holder: StepHooks, visit: (hook: Step, key: (typeof HOOK_KEYS)[number]) => void): void {
  for (const key of HOOK_KEYS) {
    const hook = holder[key];
    if (hook) visit(hook, key);
  }
}

/**
 * The inputs and outputs of a job. A resource fetched by several `get`s counts once (the
 * first), with `trigger` true when any of them triggers and the union of their `passed`,
 * as Concourse merges them into one job input.
 */
export function jobIo(job: Job): JobIo {
  const inputs = new Map<string, { name: string; trigger: boolean; passed: string[] }>();
  const outputs = new Map<string, JobOutput>();
  const visit = (step: Step): void => {
    if ("get" in step) addInput(inputs, step);
    else if ("put" in step) addOutput(outputs, step);
  };
  for (const step of job.plan ?? []) forEachStep(step, visit);
  forEachHook(job, (hook) => forEachStep(hook, visit));
  return {
    inputs: [...inputs].map(([resource, i]) => ({ resource, name: i.name, trigger: i.trigger, passed: i.passed })),
    outputs: [...outputs.values()],
  };
}

function addInput(inputs: Map<string, { name: string; trigger: boolean; passed: string[] }>, step: GetStep): void {
  const resource = step.resource ?? step.get;
  const found = inputs.get(resource);
  if (!found) {
    inputs.set(resource, { name: step.get, trigger: step.trigger === true, passed: [...new Set(step.passed ?? [])] });
    return;
  }
  found.trigger ||= step.trigger === true;
  for (const p of step.passed ?? []) if (!found.passed.includes(p)) found.passed.push(p);
}

function addOutput(outputs: Map<string, JobOutput>, step: PutStep): void {
  const resource = step.resource ?? step.put;
  if (!outputs.has(resource)) outputs.set(resource, { resource, name: step.put });
}
