/**
 * The base of every step builder: modifiers (`across`, `attempts`, `timeout`) and hooks
 * (`on_success`, `on_failure`, `on_error`, `on_abort`, `ensure`), which any step can carry.
 *
 * @see https://concourse-ci.org/modifier-and-hook-steps.html
 */

import { recordSite } from "../diagnostics/source-site.ts";
import { isGoDuration } from "../go/duration.ts";
import type { Step as StepConfig } from "../model/step.ts";
import type { AcrossVariable } from "./across.ts";
import { Brand } from "./brand.ts";
import { extraKeys } from "./escape-hatch.ts";
import { checkOptionKinds } from "./option-types.ts";
import type { JobContext } from "./synth-context.ts";

/**
 * Hooks: steps that run after a step (or, on a job, after the build) depending on how it
 * ended. Steps and jobs both take them.
 * @see https://concourse-ci.org/modifier-and-hook-steps.html
 */
export interface HookOptions {
  /** Runs when it succeeds. @see https://concourse-ci.org/on-success-hook.html */
  readonly onSuccess?: Step;
  /** Runs when it fails. @see https://concourse-ci.org/on-failure-hook.html */
  readonly onFailure?: Step;
  /** Runs when it errors. @see https://concourse-ci.org/on-error-hook.html */
  readonly onError?: Step;
  /** Runs when the build is aborted during it. @see https://concourse-ci.org/on-abort-hook.html */
  readonly onAbort?: Step;
  /** Always runs after it. @see https://concourse-ci.org/ensure-hook.html */
  readonly ensure?: Step;
}

/** Each hook option and its Concourse key, in the order Concourse applies them. */
export const HOOKS = [
  ["onSuccess", "on_success"],
  ["onFailure", "on_failure"],
  ["onError", "on_error"],
  ["onAbort", "on_abort"],
  ["ensure", "ensure"],
] as const;

/**
 * Calls `render` for each hook `options` sets, in {@link HOOKS} order, with the option's
 * step and its config key. An index loop: a render asks every step and job, and cold code
 * pays for each iterator a `for...of` over pairs makes (a micro-benchmark: 8-16 ms against
 * 5 per 16,000 steps before V8 optimizes).
 */
export function forEachHook(options: HookOptions, render: (hook: Step, key: (typeof HOOKS)[number][1]) => void): void {
  for (let i = 0; i < HOOKS.length; i++) {
    const pair = HOOKS[i] as (typeof HOOKS)[number];
    const hook = options[pair[0]];
    if (hook) render(hook, pair[1]);
  }
}

/** Options every step accepts. */
export interface StepOptions extends HookOptions {
  /** Gives up after this long, e.g. `"10m"` (a Go duration). @see https://concourse-ci.org/timeout-step.html */
  readonly timeout?: string;
  /** Runs the step up to this many times until it succeeds. @see https://concourse-ci.org/attempts-step.html */
  readonly attempts?: number;
  /** Runs the step once for each combination of these vars' values. @see https://concourse-ci.org/across-step.html */
  readonly across?: readonly AcrossVariable[];
  /** With `across`: stop the other runs as soon as one fails. */
  readonly failFast?: boolean;
  /**
   * Escape hatch: keys rendered as they are onto the step, after everything else, for
   * fields contrail has no typed option for yet. Lint still checks them.
   */
  readonly extra?: Readonly<Record<string, unknown>>;
}

// Keys under which a core step holds steps rendered (and checked) on their own.
const NESTED_STEP_KEYS: ReadonlySet<string> = new Set(["in_parallel", "do", "try"]);

/** A step of a plan. Subclasses render their core step; this class adds the rest. */
export abstract class Step {
  declare readonly [Brand.step]: true;
  static {
    // On the prototype, not each instance: one render builds tens of thousands of these.
    Object.defineProperty(Step.prototype, Brand.step, { value: true });
  }
  /** The options shared by every step. */
  protected readonly stepOptions: StepOptions;

  protected constructor(options: StepOptions) {
    this.stepOptions = options;
    recordSite(this, new.target);
  }

  /**
   * Renders the core step (the `get:`/`task:`... key and its fields) and records what it
   * produces in `ctx.scope`.
   */
  protected abstract synthCore(ctx: JobContext): Record<string, unknown>;

  /** Renders the step with its modifiers and hooks. @internal */
  synth(ctx: JobContext): StepConfig {
    const o = this.stepOptions;
    ctx.pipeline.origins.record(ctx.path, this);
    let inner = ctx;
    let across: Record<string, unknown>[] | undefined;
    if (o.across && o.across.length > 0) {
      // Values are read outside the across; the vars exist only inside it.
      across = o.across.map((v, i) => v.synthEntry(ctx.at("across", i)));
      const scope = ctx.scope.child();
      for (const v of o.across) scope.add(v);
      inner = ctx.withScope(scope);
    }
    const out: Record<string, unknown> = this.synthCore(inner);
    // Local vars in strings (template literals): the nested steps check their own.
    inner.checkLocalVarText(out, NESTED_STEP_KEYS);
    if (across) out["across"] = across;
    if (o.failFast !== undefined) {
      out["fail_fast"] = o.failFast;
      checkOptionKinds(ctx.pipeline, ctx.path, out, { fail_fast: "boolean" });
    }
    if (o.attempts !== undefined) {
      if (!Number.isInteger(o.attempts) || o.attempts < 1) {
        ctx.pipeline.report(
          "error",
          "invalid-attempts",
          [...ctx.path, "attempts"],
          `attempts must be a whole number greater than 0, not ${o.attempts}`,
        );
      }
      out["attempts"] = o.attempts;
    }
    if (o.timeout !== undefined) {
      if (!isGoDuration(o.timeout)) {
        ctx.pipeline.report(
          "error",
          "invalid-duration",
          [...ctx.path, "timeout"],
          `invalid duration '${o.timeout}'`,
          'Use a Go duration such as "30s", "10m" or "1h30m".',
        );
      }
      out["timeout"] = o.timeout;
    }
    forEachHook(o, (hook, key) => {
      out[key] = synthStep(hook, ctx.at(key));
    });
    if (o.extra) {
      const extra = ctx.at("extra").resolve(o.extra);
      Object.assign(out, extra);
      ctx.pipeline.escapeHatches.push({ schema: "step", path: ctx.path, value: out, keys: extraKeys(extra) });
    }
    return out as unknown as StepConfig;
  }
}

/** Renders a list of steps in sequence, each seeing what the ones before produced. */
export function synthSequence(steps: readonly Step[], ctx: JobContext, key: string): StepConfig[] {
  return steps.map((step, i) => synthStep(step, ctx.at(key, i)));
}

/**
 * Renders one step. Plain JavaScript can put anything where a step belongs (`{ get: "repo" }`
 * through an `as` cast, or from untyped code); that is reported with its path, not thrown.
 */
export function synthStep(step: Step, ctx: JobContext): StepConfig {
  if (isStep(step)) return step.synth(ctx);
  const what =
    step === null || typeof step !== "object"
      ? `the ${step === null ? "value null" : `${typeof step} ${String(step)}`}`
      : Array.isArray(step)
        ? "an array"
        : "a plain object";
  ctx.pipeline.report(
    "error",
    "not-a-step",
    ctx.path,
    `${what} is not a step`,
    "Build steps with contrail: resource.get(), resource.put(), new Task(...), inParallel(...); for a step written as plain config, use rawStep({...}).",
  );
  return {} as StepConfig;
}

/** True when `value` is a contrail step. */
export function isStep(value: unknown): value is Step {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[Brand.step] === true;
}
