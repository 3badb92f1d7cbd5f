/**
 * `across`: run a step once per value of one or more vars.
 * @see https://concourse-ci.org/across-step.html
 */
import { recordSite } from "../diagnostics/source-site.ts";
import { Brand } from "./brand.ts";
import type { JobContext } from "./synth-context.ts";
import type { LocalVar } from "./vars.ts";

/** Options of an across var. */
export interface AcrossVarOptions {
  /** How many values run at once: a number, or `"all"`. @default 1 */
  readonly maxInFlight?: number | "all";
}

/** A var of an `across` step; inside the step it is the local var `((.:name))`. */
export class AcrossVariable implements LocalVar {
  declare readonly [Brand.localVar]: true;
  /** The var's name. */
  readonly varName: string;
  /** The values: a list, or a local var holding one (from `loadVar(..., { format: "json" })`). */
  readonly values: readonly unknown[] | LocalVar;
  readonly #options: AcrossVarOptions;

  constructor(name: string, values: readonly unknown[] | LocalVar, options: AcrossVarOptions = {}) {
    this.varName = name;
    this.values = values;
    this.#options = options;
    Object.defineProperty(this, Brand.localVar, { value: true });
    recordSite(this);
  }

  /** `((.:name))`. */
  toString(): string {
    return `((.:${this.varName}))`;
  }

  /** Renders the `across:` entry. @internal */
  synthEntry(ctx: JobContext): Record<string, unknown> {
    const entry: Record<string, unknown> = { var: this.varName, values: ctx.at("values").resolve(this.values) };
    const max = this.#options.maxInFlight;
    if (max !== undefined) {
      if (max !== "all" && (!Number.isInteger(max) || max < 1)) {
        ctx.pipeline.report("error", "invalid-max-in-flight", [...ctx.path, "max_in_flight"], "must be greater than 0");
      }
      entry["max_in_flight"] = max;
    }
    return entry;
  }
}

/**
 * An across var: pass it in a step's `across` option and use it inside that step.
 *
 * @example
 * const ruby = acrossVar("ruby_version", ["3.2", "3.3"]);
 * new Task("test", { across: [ruby], params: { RUBY: ruby }, ... })
 */
export function acrossVar(name: string, values: readonly unknown[] | LocalVar, options?: AcrossVarOptions): AcrossVariable {
  return new AcrossVariable(name, values, options);
}
