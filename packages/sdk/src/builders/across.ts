/**
 * `across`: run a step once per value of one or more vars.
 * @see https://concourse-ci.org/across-step.html
 */
import { onUsersBehalf, recordSite } from "../diagnostics/source-site.ts";
import { Brand } from "./brand.ts";
import { type LocalVarFields, localVarFields } from "./local-var-fields.ts";
import type { JobContext } from "./synth-context.ts";
import { type LocalVar, noteLocalVarName } from "./vars.ts";

/** Options of an across var. */
export interface AcrossVarOptions {
  /** How many values run at once: a number, or `"all"`. @default 1 */
  readonly maxInFlight?: number | "all";
}

/**
 * A var of an `across` step; inside the step it is the local var `((.:name))`. `Value` is
 * the type of one value; when values are objects, their fields are `fields.name`.
 */
export class AcrossVariable<Value = unknown> implements LocalVar {
  declare readonly [Brand.localVar]: true;
  /** The var's name. */
  readonly varName: string;
  /** The values: a list, or a local var holding one (from `loadVar(..., { format: "json" })`). */
  readonly values: readonly Value[] | LocalVar;
  /**
   * The fields of the current value, when values are objects: `branch.fields.name`
   * renders `((.:branch.name))`, usable only inside the step, like the var.
   * @see https://concourse-ci.org/across-step.html
   */
  readonly fields: LocalVarFields<Value>;
  readonly #options: AcrossVarOptions;

  constructor(name: string, values: readonly Value[] | LocalVar, options: AcrossVarOptions = {}) {
    this.varName = name;
    this.values = values;
    this.#options = options;
    this.fields = localVarFields<Value>(this);
    Object.defineProperty(this, Brand.localVar, { value: true });
    recordSite(this, new.target);
    noteLocalVarName(name);
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
 * An across var: pass it in a step's `across` option and use it inside that step. Values
 * may be objects; their fields are then typed: `branch.fields.name` renders
 * `((.:branch.name))`. For values from a local var, give their type as a parameter.
 *
 * @example
 * const ruby = acrossVar("ruby_version", ["3.2", "3.3"]);
 * new Task("test", { across: [ruby], params: { RUBY: ruby }, ... })
 * @example
 * const branch = acrossVar("branch", [{ name: "main", groups: { feature: "core" } }]);
 * new Task("test", { across: [branch], params: { BRANCH: branch.fields.name, GROUP: branch.fields.groups.feature }, ... })
 * @see https://concourse-ci.org/across-step.html
 */
export function acrossVar<const Value = unknown>(
  name: string,
  values: readonly Value[] | LocalVar,
  options?: AcrossVarOptions,
): AcrossVariable<Value> {
  return onUsersBehalf(acrossVar, () => new AcrossVariable<Value>(name, values, options));
}
