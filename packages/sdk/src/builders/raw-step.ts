/**
 * A step written as Concourse config, rendered as given: for steps contrail has no builder
 * for (the experimental `run` step), or that `sdk import` cannot express with builders.
 * Vars and local vars inside are plain strings; artifacts it produces are not tracked.
 *
 * @see https://concourse-ci.org/steps.html
 */

import { onUsersBehalf } from "../diagnostics/source-site.ts";
import { Step } from "./step.ts";
import type { JobContext } from "./synth-context.ts";
import type { InputMap } from "./values.ts";

/** A step rendered exactly as given. */
export class RawStep extends Step {
  /** The step's config, with its core key (`run:`, `task:`...), modifiers and hooks. */
  readonly config: InputMap;

  constructor(config: InputMap) {
    super({});
    this.config = config;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const config = ctx.resolve(this.config) as Record<string, unknown>;
    ctx.pipeline.escapeHatches.push({ schema: "step", path: ctx.path, value: config });
    return config;
  }
}

/**
 * A step rendered exactly as given (escape hatch).
 *
 * @example rawStep({ run: "migrate", type: "db-migrator", params: { dry: true } })
 */
export function rawStep(config: InputMap): RawStep {
  return onUsersBehalf(rawStep, () => new RawStep(config));
}
