/**
 * Walks every step of a job, nested ones included (hooks, `try`, `do`, `in_parallel`), as
 * Concourse's `StepRecursor` does. Used for "is this resource used" and the `passed` checks.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/step_recursor.go
 */
import { type CoreKey, detectStepOf, HOOKS, withStepDetection } from "./step-kinds.ts";
import { withValueSearch } from "./value-search.ts";
import { arr, type Obj, obj, text } from "./values.ts";

// What a step without sub-steps has: most steps, each asked on every walk.
const NO_CHILDREN: ReadonlyArray<{ step: unknown; path: Array<string | number> }> = Object.freeze([]);

function hasHook(step: Obj): boolean {
  for (const hook of HOOKS) if (step[hook] !== undefined) return true;
  return false;
}

/** The sub-steps of a step, in visiting order, each with its relative path. */
export function childSteps(step: Obj, core: CoreKey | undefined): ReadonlyArray<{ step: unknown; path: Array<string | number> }> {
  if (core !== "try" && core !== "do" && core !== "in_parallel" && !hasHook(step)) return NO_CHILDREN;
  const out: Array<{ step: unknown; path: Array<string | number> }> = [];
  if (core === "try") out.push({ step: step.try, path: ["try"] });
  if (core === "do") arr(step.do).forEach((s, i) => void out.push({ step: s, path: ["do", i] }));
  if (core === "in_parallel") {
    const p = step.in_parallel;
    if (Array.isArray(p)) p.forEach((s, i) => void out.push({ step: s, path: ["in_parallel", i] }));
    else arr(obj(p)?.steps).forEach((s, i) => void out.push({ step: s, path: ["in_parallel", "steps", i] }));
  }
  for (const hook of HOOKS) if (step[hook] !== undefined) out.push({ step: step[hook], path: [hook] });
  return out;
}

/** What {@link walkSteps} calls for each step; `path` is our dotted path of the step. */
export type StepVisitor = (step: Obj, core: CoreKey | undefined, path: ReadonlyArray<string | number>) => void;

/** Calls `visit` on every step object under `root` (plan item or hook), depth first. */
export function walkSteps(root: unknown, visit: StepVisitor, path: ReadonlyArray<string | number> = []): void {
  const step = obj(root);
  if (!step) return;
  const { core } = detectStepOf(step);
  visit(step, core, path);
  const children = childSteps(step, core);
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as (typeof children)[number];
    walkSteps(child.step, visit, [...path, ...child.path]);
  }
}

/** One step of a job as {@link walkJob} visits it. */
interface WalkedStep {
  readonly step: Obj;
  readonly core: CoreKey | undefined;
  readonly path: ReadonlyArray<string | number>;
}

/**
 * The steps of each job, walked once per lint run: validation and half the rules walk every
 * job again, and each walk detected every step's kind and built every path anew. Only set
 * during {@link withWalkCache}, so that a config changed between two runs is walked as it is.
 */
let walked: WeakMap<Obj, readonly WalkedStep[]> | undefined;

/** Each job's walked steps of one kind (or gets and puts together), grouped on first use. */
let grouped: WeakMap<Obj, Map<CoreKey | "resource", readonly WalkedStep[]>> | undefined;

/** Runs `fn` with each job's steps remembered after their first walk. */
export function withWalkCache<T>(fn: () => T): T {
  const outer = walked;
  const outerGrouped = grouped;
  walked = new WeakMap();
  grouped = new WeakMap();
  try {
    return withStepDetection(() => withValueSearch(fn));
  } finally {
    walked = outer;
    grouped = outerGrouped;
  }
}

function jobSteps(job: Obj): readonly WalkedStep[] {
  const known = walked?.get(job);
  if (known) return known;
  const steps: WalkedStep[] = [];
  const collect: StepVisitor = (step, core, path) => void steps.push({ step, core, path });
  const base = ["jobs", text(job.name)];
  const plan = arr(job.plan);
  for (let i = 0; i < plan.length; i++) walkSteps(plan[i], collect, [...base, "plan", i]);
  for (const hook of HOOKS) if (job[hook] !== undefined) walkSteps(job[hook], collect, [...base, hook]);
  walked?.set(job, steps);
  return steps;
}

/** Calls `visit` on every step of a job (its plan, then its hooks), with paths under `jobs.NAME`. */
export function walkJob(job: Obj, visit: StepVisitor): void {
  // An index loop: every rule calls this for every job, and before V8 optimizes it a
  // for...of with destructuring costs an iterator and a result per step.
  const steps = jobSteps(job);
  for (let i = 0; i < steps.length; i++) {
    const walked = steps[i] as WalkedStep;
    visit(walked.step, walked.core, walked.path);
  }
}

/**
 * The steps of a job whose core step is `kind` (`resource`: gets and puts), in walk order.
 * A rule about one kind of step iterates only those: every rule calling back for all 16,000
 * steps of a 2,000-job pipeline to keep a few thousand cost more than its own checks.
 */
function stepsOfKind(job: Obj, kind: CoreKey | "resource"): readonly WalkedStep[] {
  let byKind = grouped?.get(job);
  const known = byKind?.get(kind);
  if (known) return known;
  const steps = jobSteps(job);
  const out: WalkedStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const walkedStep = steps[i] as WalkedStep;
    if (walkedStep.core === kind || (kind === "resource" && (walkedStep.core === "get" || walkedStep.core === "put"))) out.push(walkedStep);
  }
  if (grouped) {
    if (byKind === undefined) {
      byKind = new Map();
      grouped.set(job, byKind);
    }
    byKind.set(kind, out);
  }
  return out;
}

/** Calls `visit` on the steps of a job whose core step is `kind` (`resource`: gets and puts), in {@link walkJob}'s order. */
export function walkJobSteps(job: Obj, kind: CoreKey | "resource", visit: StepVisitor): void {
  const steps = stepsOfKind(job, kind);
  for (let i = 0; i < steps.length; i++) {
    const walkedStep = steps[i] as WalkedStep;
    visit(walkedStep.step, walkedStep.core, walkedStep.path);
  }
}

/** The resource a get or put step uses: `resource:`, or else the step name. */
export function stepResource(step: Obj, core: "get" | "put"): string {
  return text(step.resource) || text(step[core]);
}

/** The names of the resources a job gets or puts. */
export function jobResources(job: Obj): Set<string> {
  const used = new Set<string>();
  walkJobSteps(job, "resource", (step, core) => {
    used.add(stepResource(step, core as "get" | "put"));
  });
  return used;
}
