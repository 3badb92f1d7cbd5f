/**
 * Steps made of steps: `in_parallel`, `do` and `try`.
 *
 * Scoping follows Concourse: steps in one `in_parallel` run at once and cannot use each
 * other's artifacts, but everything they produce is available afterwards.
 *
 * @see https://concourse-ci.org/in-parallel-step.html
 * @see https://concourse-ci.org/do-step.html
 * @see https://concourse-ci.org/try-step.html
 */

import { onUsersBehalf } from "../diagnostics/source-site.ts";
import { isStep, Step, type StepOptions, synthSequence, synthStep } from "./step.ts";
import type { JobContext } from "./synth-context.ts";

/** Options of an in_parallel step. */
export interface InParallelOptions extends StepOptions {
  /** At most this many steps at once. @default no limit */
  readonly limit?: number;
  /** Stop the others when one fails. @default false */
  readonly failFast?: boolean;
  /** Worker tags for every step inside (Concourse v8.3+). */
  readonly tags?: readonly string[];
}

/** An in_parallel step. */
export class InParallelStep extends Step {
  /** The steps run at once. */
  readonly steps: readonly Step[];
  readonly #options: InParallelOptions;

  constructor(steps: readonly Step[], options: InParallelOptions = {}) {
    // fail_fast here belongs to in_parallel, not to an across modifier.
    const { failFast: _failFast, ...stepOptions } = options;
    super(stepOptions);
    this.steps = steps;
    this.#options = options;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const o = this.#options;
    const branches = this.steps.map((step, i) => {
      const scope = ctx.scope.child();
      return {
        scope,
        config: synthStep(
          step,
          ctx.withScope(scope).at(o.limit !== undefined || o.failFast !== undefined ? "in_parallel.steps" : "in_parallel", i),
        ),
      };
    });
    for (const branch of branches) branch.scope.mergeInto(ctx.scope);
    const steps = branches.map((b) => b.config);
    const out: Record<string, unknown> = {};
    if (o.limit !== undefined || o.failFast !== undefined) {
      const form: Record<string, unknown> = { steps };
      if (o.limit !== undefined) form["limit"] = o.limit;
      if (o.failFast !== undefined) form["fail_fast"] = o.failFast;
      out["in_parallel"] = form;
    } else out["in_parallel"] = steps;
    if (o.tags !== undefined) out["tags"] = [...o.tags];
    return out;
  }
}

/**
 * Runs steps at once: `inParallel(a, b)`, or `inParallel([a, b], { limit: 2 })`.
 */
export function inParallel(...steps: Step[]): InParallelStep;
export function inParallel(steps: readonly Step[], options?: InParallelOptions): InParallelStep;
export function inParallel(...args: unknown[]): InParallelStep {
  return onUsersBehalf(inParallel, () =>
    Array.isArray(args[0])
      ? new InParallelStep(args[0] as Step[], args[1] as InParallelOptions | undefined)
      : new InParallelStep(args.filter(isStep)),
  );
}

/** Options of a do step. */
export interface DoOptions extends StepOptions {
  /** Worker tags for every step inside (Concourse v8.3+). */
  readonly tags?: readonly string[];
}

/** A do step: steps in sequence, as one step (for hooks, across, try). */
export class DoStep extends Step {
  /** The steps, in order. */
  readonly steps: readonly Step[];
  readonly #options: DoOptions;

  constructor(steps: readonly Step[], options: DoOptions = {}) {
    super(options);
    this.steps = steps;
    this.#options = options;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const scope = ctx.scope.child();
    const out: Record<string, unknown> = { do: synthSequence(this.steps, ctx.withScope(scope), "do") };
    scope.mergeInto(ctx.scope);
    if (this.#options.tags !== undefined) out["tags"] = [...this.#options.tags];
    return out;
  }
}

/** Runs steps in sequence as one step: `doSteps(a, b)` or `doSteps([a, b], { across })`. */
export function doSteps(...steps: Step[]): DoStep;
export function doSteps(steps: readonly Step[], options?: DoOptions): DoStep;
export function doSteps(...args: unknown[]): DoStep {
  return onUsersBehalf(doSteps, () =>
    Array.isArray(args[0]) ? new DoStep(args[0] as Step[], args[1] as DoOptions | undefined) : new DoStep(args.filter(isStep)),
  );
}

/** A try step: runs a step and carries on even if it fails. */
export class TryStep extends Step {
  /** The step tried. */
  readonly step: Step;

  constructor(step: Step, options: StepOptions = {}) {
    super(options);
    this.step = step;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const scope = ctx.scope.child();
    const out = { try: synthStep(this.step, ctx.withScope(scope).at("try")) };
    scope.mergeInto(ctx.scope);
    return out;
  }
}

/** Runs a step and ignores its failure. */
export function tryStep(step: Step, options?: StepOptions): TryStep {
  return onUsersBehalf(tryStep, () => new TryStep(step, options));
}

export { isStep, Step };
