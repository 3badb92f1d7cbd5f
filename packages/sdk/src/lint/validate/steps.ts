/**
 * The step rules (S1–S21) as Concourse's `StepValidator` visits a job: contexts such as
 * `jobs.build.plan.do[0].get(repo)`, inner steps before their hooks, local var scopes opened
 * by `across`, get names unique per job.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/step_validator.go
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { parseGoDuration } from "../../go/duration.ts";
import { supports } from "../concourse-version.ts";
import { AGGREGATE_HINT } from "../rules/deprecated.ts";
import { type CoreKey, detectStepOf, HOOKS, type StepKey } from "../step-kinds.ts";
import { arr, goStringSlice, type Obj, obj, text } from "../values.ts";
import { stepResource } from "../walk.ts";
import { goPathMatches } from "./glob.ts";
import { IDENTIFIER_HINT, identifierProblem, identifierResult } from "./identifier.ts";
import type { Report } from "./report.ts";
import { validateTaskStep } from "./task.ts";

// Context pieces made once: every plan item and hook of every job pushes one.
const DO_CONTEXTS = Array.from({ length: 64 }, (_, i) => `.do[${i}]`);
const HOOK_CONTEXT = Object.fromEntries(HOOKS.map((hook) => [hook, `.${hook}`])) as Readonly<Record<(typeof HOOKS)[number], string>>;

function doContext(i: number): string {
  return DO_CONTEXTS[i] ?? `.do[${i}]`;
}

/** What the step rules need to know about the whole pipeline. */
export interface PipelineIndex {
  readonly resources: ReadonlySet<string>;
  readonly prototypes: ReadonlySet<string>;
  readonly jobs: readonly string[];
  /** Resources each job gets or puts, by job name. */
  readonly interactions: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Visits the steps of one job. */
export class StepValidator {
  private readonly ctx: string[];
  private readonly path: PathSegment[];
  private readonly seenGets = new Set<string>();
  private readonly scopes: Array<Set<string>> = [new Set()];
  /** The path's length before each {@link enter}, restored by its {@link leave}. */
  private readonly depths: number[] = [];
  private readonly report: Report;
  private readonly index: PipelineIndex;

  constructor(report: Report, index: PipelineIndex, context: string, path: readonly PathSegment[]) {
    this.report = report;
    this.index = index;
    this.ctx = [context, ".plan"];
    this.path = [...path];
  }

  /** Visits a job: `Ensure(OnError(OnAbort(OnFailure(OnSuccess(Do(plan))))))`. */
  visitJob(job: Obj): void {
    const plan = arr(job.plan);
    for (let i = 0; i < plan.length; i++) {
      this.enter(doContext(i), "plan", i);
      this.validate(plan[i]);
      this.leave();
    }
    for (const hook of HOOKS) {
      if (job[hook] === undefined) continue;
      this.enter(HOOK_CONTEXT[hook], hook);
      this.validate(job[hook]);
      this.leave();
    }
  }

  private get context(): string {
    return this.ctx.join("");
  }

  /**
   * Steps into a context (`.get(repo)`) and up to two path segments; {@link leave} steps
   * out. The walk over every step uses these, without a closure per step.
   */
  private enter(ctx: string, first?: PathSegment, second?: PathSegment): void {
    this.ctx.push(ctx);
    this.depths.push(this.path.length);
    if (first !== undefined) this.path.push(first);
    if (second !== undefined) this.path.push(second);
  }

  private leave(): void {
    this.ctx.pop();
    this.path.length = this.depths.pop() ?? 0;
  }

  /** {@link enter} with any path, around `fn`: for the rarer steps and the findings. */
  private within(ctx: string, path: readonly PathSegment[], fn: () => void): void {
    this.enter(ctx);
    this.path.push(...path);
    try {
      fn();
    } finally {
      this.leave();
    }
  }

  private error(code: string, message: string, target: object, key?: string, extra: readonly PathSegment[] = [], hint?: string): void {
    this.report.error(code, `${this.context}: ${message}`, [...this.path, ...extra], target, key, hint);
  }

  private warning(code: string, message: string, target: object, key?: string, hint?: string): void {
    this.report.warning(code, message, [...this.path, ...(key ? [key] : [])], target, key, hint);
  }

  private identifier(name: string, target: Obj, key: string, asError = false): void {
    const problem = identifierProblem(name, this.report.version);
    if (problem === undefined) return;
    const result = identifierResult(name, this.context, problem);
    if (result.error) this.error("empty-identifier", result.error, target, key, [key]);
    if (result.warning) {
      if (asError) this.report.error("invalid-identifier", result.warning, [...this.path, key], target, key, IDENTIFIER_HINT);
      else this.warning("invalid-identifier", result.warning, target, key, IDENTIFIER_HINT);
    }
  }

  /** `StepValidator.Validate`: unknown fields, then the step itself. */
  private validate(value: unknown): void {
    const step = obj(value);
    if (!step) {
      this.report.error("decode-error", "json: cannot unmarshal into Go value of type map[string]json.RawMessage", this.path, undefined);
      return;
    }
    const detected = detectStepOf(step, this.report.version);
    if (!detected.core) {
      const matched = detected.wrappers.length > 0;
      const hint = "aggregate" in step ? AGGREGATE_HINT : undefined;
      this.report.error(
        "decode-error",
        matched ? "no core step type declared (e.g. get, put, task, etc.)" : "no step configured",
        this.path,
        step,
        undefined,
        hint,
      );
      return;
    }
    if (detected.unknown.length > 0) {
      this.report.error(
        "unknown-fields",
        `${this.context}: unknown fields ${goStringSlice(detected.unknown)}`,
        this.path,
        step,
        detected.unknown[0],
      );
    }
    this.visitChain(step, detected.wrappers, 0, detected.core);
  }

  private visitChain(step: Obj, wrappers: readonly StepKey[], i: number, core: CoreKey): void {
    const wrapper = wrappers[i];
    if (wrapper === undefined) {
      this.visitCore(step, core);
      return;
    }
    // The closure only for across, which opens a scope around what it wraps.
    if (wrapper === "across") this.visitAcross(step, () => this.visitChain(step, wrappers, i + 1, core));
    else if (wrapper === "attempts") {
      if (typeof step.attempts === "number" && step.attempts <= 0)
        this.within(".attempts", ["attempts"], () => this.error("invalid-attempts", "must be greater than 0", step, "attempts"));
      this.visitChain(step, wrappers, i + 1, core);
    } else if (wrapper === "timeout") {
      const duration = text(step.timeout);
      if (!parseGoDuration(duration).ok)
        this.within(".timeout", ["timeout"], () => this.error("invalid-duration", `invalid duration '${duration}'`, step, "timeout"));
      this.visitChain(step, wrappers, i + 1, core);
    } else {
      this.visitChain(step, wrappers, i + 1, core);
      this.enter(`.${wrapper}`, wrapper);
      this.validate(step[wrapper]);
      this.leave();
    }
  }

  private declareVar(name: string, target: Obj, key: string): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope?.has(name)) this.error("repeated-var-name", "repeated var name", target, key);
    else if (this.scopes.some((s) => s.has(name))) {
      this.report.warning("shadowed-var", `${this.context}: shadows local var '${name}'`, [...this.path], target, key);
    }
    scope?.add(name);
  }

  private visitAcross(step: Obj, inner: () => void): void {
    this.within(".across", [], () => {
      if (!supports(this.report.version, "acrossAlwaysOn")) {
        // v7's StepValidator.VisitAcross, unless the web node runs with --enable-across-step.
        this.error(
          "across-not-enabled",
          "the across step must be explicitly opted-in to using the `--enable-across-step` flag",
          step,
          "across",
          ["across"],
          "start the Concourse v7 web node with --enable-across-step (CONCOURSE_ENABLE_ACROSS_STEP=true), or upgrade to v8",
        );
      }
      const vars = arr(step.across);
      if (vars.length === 0) this.error("across-no-vars", "no vars specified", step, "across", ["across"]);
      this.scopes.push(new Set());
      vars.forEach((value, i) => {
        const v = obj(value) ?? {};
        this.within(`[${i}]`, ["across", i], () => {
          this.declareVar(text(v.var), v, "var");
          const max = v.max_in_flight;
          if (typeof max === "number" && max <= 0) {
            this.within(".max_in_flight", ["max_in_flight"], () =>
              this.error("across-max-in-flight", "must be greater than 0", v, "max_in_flight"),
            );
          }
        });
      });
      try {
        inner();
      } finally {
        this.scopes.pop();
      }
    });
  }

  private underAcross(): boolean {
    return this.ctx[this.ctx.length - 1] === ".across";
  }

  private visitCore(step: Obj, core: CoreKey): void {
    switch (core) {
      case "get":
        this.visitGet(step);
        return;
      case "put": {
        const name = text(step.put);
        this.enter(`.put(${name})`);
        this.identifier(name, step, "put");
        const resource = stepResource(step, "put");
        if (!this.index.resources.has(resource))
          this.error("unknown-resource", `unknown resource '${resource}'`, step, step.resource === undefined ? "put" : "resource", ["put"]);
        this.leave();
        return;
      }
      case "task": {
        const name = text(step.task);
        const skipIdentifier = this.underAcross();
        this.enter(`.task(${name})`);
        if (!skipIdentifier) this.identifier(name, step, "task");
        validateTaskStep(step, () => this.context, this.path, this.report);
        this.leave();
        return;
      }
      case "set_pipeline": {
        const name = text(step.set_pipeline);
        const skipIdentifier = this.underAcross();
        this.within(`.set_pipeline(${name})`, [], () => {
          if (!skipIdentifier) this.identifier(name, step, "set_pipeline");
          if (text(step.file) === "") this.error("missing-file", "no file specified", step, "set_pipeline", ["set_pipeline"]);
        });
        return;
      }
      case "load_var": {
        const name = text(step.load_var);
        this.within(`.load_var(${name})`, [], () => {
          this.identifier(name, step, "load_var");
          if (text(step.file) === "") this.error("missing-file", "no file specified", step, "load_var", ["load_var"]);
          this.declareVar(name, step, "load_var");
        });
        return;
      }
      case "try":
        this.enter(".try", "try");
        this.validate(step.try);
        this.leave();
        return;
      case "do": {
        const steps = arr(step.do);
        for (let i = 0; i < steps.length; i++) {
          this.enter(doContext(i), "do", i);
          this.validate(steps[i]);
          this.leave();
        }
        return;
      }
      case "in_parallel": {
        const p = step.in_parallel;
        const list = Array.isArray(p) ? p : arr(obj(p)?.steps);
        const base = Array.isArray(p) ? ["in_parallel"] : ["in_parallel", "steps"];
        this.within(".in_parallel", [], () =>
          list.forEach((s, i) => {
            this.within(`.steps[${i}]`, [...base, i], () => this.validate(s));
          }),
        );
        return;
      }
      case "run": {
        const type = text(step.type);
        const message = text(step.run);
        this.within(`.run(${type}.${message})`, [], () => {
          this.identifier(message, step, "run", true);
          if (!this.index.prototypes.has(type)) this.error("unknown-prototype", `unknown prototype '${type}'`, step, "type", ["type"]);
        });
      }
    }
  }

  private visitGet(step: Obj): void {
    const name = text(step.get);
    this.enter(`.get(${name})`);
    this.visitGetIn(step, name);
    this.leave();
  }

  private visitGetIn(step: Obj, name: string): void {
    this.identifier(name, step, "get");
    if (this.seenGets.has(name)) this.error("repeated-get-name", "repeated name", step, "get", ["get"]);
    else this.seenGets.add(name);
    const resource = stepResource(step, "get");
    if (!this.index.resources.has(resource))
      this.error("unknown-resource", `unknown resource '${resource}'`, step, step.resource === undefined ? "get" : "resource", ["get"]);
    const passed = arr(step.passed);
    if (passed.length === 0) return;
    this.enter(".passed", "passed");
    // v7 and v8.0 take exact job names (`unknown job '%s'`); globs came in v8.1.
    const globs = supports(this.report.version, "passedGlobs");
    for (const p of passed) {
      const pattern = text(p);
      if (!globs) {
        if (!this.index.jobs.includes(pattern)) this.error("passed-unknown-job", `unknown job '${pattern}'`, step, "passed");
        else if (!this.index.interactions.get(pattern)?.has(resource)) {
          this.error("passed-job-no-resource", `job '${pattern}' does not interact with resource '${resource}'`, step, "passed");
        }
        continue;
      }
      const matched = goPathMatches(pattern, this.index.jobs);
      for (const job of matched) {
        if (!this.index.interactions.get(job)?.has(resource)) {
          this.error("passed-job-no-resource", `job '${job}' does not interact with resource '${resource}'`, step, "passed");
        }
      }
      if (matched.length === 0) this.error("passed-no-matching-job", `no matching job(s) for '${pattern}'`, step, "passed");
    }
    this.leave();
  }
}
