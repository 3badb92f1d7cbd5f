/**
 * The state of one render: resources and resource types collected from the jobs, the
 * `passed:` constraints to check once every job is known, and the diagnostics found.
 * Builders never throw for a broken reference; they report here, so that every problem
 * is reported at once with a path.
 */
import { type Diagnostic, formatPath, type PathSegment, type Severity } from "../diagnostics/diagnostic.ts";
import type { JsonValue } from "../model/common.ts";
import type { Artifact } from "./artifact.ts";
import { Brand, hasBrand } from "./brand.ts";
import type { EscapeHatchValue } from "./escape-hatch.ts";
import type { FileTaskUse } from "./file-task.ts";
import { rootOf } from "./local-var-fields.ts";
import { Origins } from "./origins.ts";
import type { Scope } from "./scope.ts";
import { anyLocalVarMade, isLocalVarName, type LocalVar } from "./vars.ts";

/** What render needs to know of a job (see `Job`). */
export interface JobLike {
  readonly name: string;
}

/** What render needs to know of a resource (see `Resource`). */
export interface ResourceLike {
  readonly name: string;
  /** Registers the resource's type (when it is an object) with the render. */
  registerType(ctx: SynthContext, path: readonly PathSegment[]): void;
}

/** What render needs to know of a resource type (see `ResourceType`). */
export interface ResourceTypeLike {
  readonly name: string;
}

/** A `passed:` constraint, checked once every job has been rendered. */
export interface PassedConstraint {
  readonly job: JobLike;
  readonly resource: ResourceLike;
  readonly passed: readonly JobLike[];
  readonly path: readonly PathSegment[];
}

/** Pipeline-wide render state. */
export class SynthContext {
  /** Every problem found so far. */
  readonly diagnostics: Diagnostic[] = [];
  /** Resources by name, in the order they were first declared or used. */
  readonly resources = new Map<string, ResourceLike>();
  /** Resource types by name, in the order they were first declared or used. */
  readonly resourceTypes = new Map<string, ResourceTypeLike>();
  /** The resources each job gets or puts. */
  readonly resourcesUsedBy = new Map<JobLike, Set<ResourceLike>>();
  /** Every `passed:` constraint met so far. */
  readonly passedConstraints: PassedConstraint[] = [];
  /** Every declared task file run by a step, for render's comparison with the files. */
  readonly fileTasks: FileTaskUse[] = [];
  /**
   * The builder object rendered at each formatted path (`jobs.build.plan[2]`), so that a
   * diagnostic's path leads back to the user's code that made it (see `locate.ts`).
   */
  readonly origins = new Origins();
  /** `path name` of each out-of-scope local var reported, so that one use is reported once. */
  readonly outOfScopeReported = new Set<string>();
  /** Values given through escape hatches, which render checks against the model's schemas. */
  readonly escapeHatches: EscapeHatchValue[] = [];

  /** Reports a problem. */
  report(severity: Severity, code: string, path: readonly PathSegment[], message: string, hint?: string): void {
    this.diagnostics.push({ code, severity, message, path: formatPath(path), ...(hint ? { hint } : {}) });
  }

  /** Adds a resource, reporting a different resource already under the same name. */
  registerResource(resource: ResourceLike, path: readonly PathSegment[]): void {
    const existing = this.resources.get(resource.name);
    if (existing === undefined) {
      this.resources.set(resource.name, resource);
      resource.registerType(this, path);
    } else if (existing !== resource) {
      this.report(
        "error",
        "duplicate-resource-name",
        path,
        `two different resources are named '${resource.name}'`,
        "Give each resource its own name, or create the resource once and reuse the object.",
      );
    }
  }

  /** Adds a resource type, reporting a different type already under the same name. */
  registerResourceType(type: ResourceTypeLike, path: readonly PathSegment[]): void {
    const existing = this.resourceTypes.get(type.name);
    if (existing === undefined) this.resourceTypes.set(type.name, type);
    else if (existing !== type) {
      this.report(
        "error",
        "duplicate-resource-type-name",
        path,
        `two different resource types are named '${type.name}'`,
        "Declare the resource type once and reuse the object.",
      );
    }
  }
}

// `((.:name` and the name (up to a field or the end), as lint's `undefined-local-var` reads it.
const LOCAL_VAR_USE = /\(\(\.:([-\w\p{L}]+)/gu;
const NO_KEYS: ReadonlySet<string> = new Set();

/** Render state within one job: where we are, and what is in scope. */
export class JobContext {
  readonly pipeline: SynthContext;
  readonly job: JobLike;
  readonly scope: Scope;
  // The path is kept as the parent's and up to two segments, and made into an array when
  // first read: most contexts (a step's params, a task's image) are made to resolve a value
  // whose path is needed only for a finding.
  #path: readonly PathSegment[] | undefined;
  readonly #parent: JobContext | undefined;
  readonly #first: PathSegment | undefined;
  readonly #second: PathSegment | undefined;

  /**
   * A context at `path`; or, with `path` undefined, at `parent`'s path followed by `first`
   * (and `second`), made into an array only when read (what {@link JobContext.at} passes).
   */
  constructor(
    pipeline: SynthContext,
    job: JobLike,
    scope: Scope,
    path: readonly PathSegment[] | undefined,
    parent?: JobContext,
    first?: PathSegment,
    second?: PathSegment,
  ) {
    this.pipeline = pipeline;
    this.job = job;
    this.scope = scope;
    this.#path = path;
    this.#parent = parent;
    this.#first = first;
    this.#second = second;
  }

  /** Where in the config this context renders. */
  get path(): readonly PathSegment[] {
    if (this.#path === undefined) {
      const base = this.#parent?.path ?? [];
      this.#path =
        this.#first === undefined ? base : this.#second === undefined ? [...base, this.#first] : [...base, this.#first, this.#second];
    }
    return this.#path;
  }

  /** The same job and scope, further down the tree. */
  at(first: PathSegment, second?: PathSegment): JobContext {
    // Two fixed parameters, not a rest list: called for every step and field of a render.
    return new JobContext(this.pipeline, this.job, this.scope, undefined, this, first, second);
  }

  /** The same place with another scope. */
  withScope(scope: Scope): JobContext {
    return new JobContext(this.pipeline, this.job, scope, this.#path, this.#parent, this.#first, this.#second);
  }

  /** This context's path followed by `rel`, for a finding inside a value. */
  #pathTo(rel: readonly PathSegment[]): PathSegment[] {
    return [...this.path, ...rel];
  }

  /** Records that this job gets or puts `resource`, and adds it to the pipeline. */
  useResource(resource: ResourceLike): void {
    this.pipeline.registerResource(resource, this.path);
    const used = this.pipeline.resourcesUsedBy.get(this.job) ?? new Set<ResourceLike>();
    this.pipeline.resourcesUsedBy.set(this.job, used);
    used.add(resource);
  }

  /** The name of an artifact, reporting it (at `path`) when its producer has not run yet. */
  artifactName(artifact: Artifact, path: readonly PathSegment[] = this.path): string {
    if (!this.scope.has(artifact.producer)) {
      this.pipeline.report(
        "error",
        "artifact-not-produced",
        path,
        `artifact '${artifact.artifactName}' is used before, or without, the step that produces it in job '${this.job.name}'`,
        "Add the step that produces it to this job's plan, before this step (steps in one in_parallel cannot use each other's artifacts).",
      );
    }
    return artifact.artifactName;
  }

  // artifactName with the path made only when the artifact is reported.
  #artifactNameAt(artifact: Artifact, rel: readonly PathSegment[]): string {
    return this.scope.has(artifact.producer) ? artifact.artifactName : this.artifactName(artifact, this.#pathTo(rel));
  }

  /**
   * `((.:name))` for a local var (`((.:name.field))` for a field of one), reporting it when
   * used outside the scope that defines it.
   */
  localVar(variable: LocalVar, path: readonly PathSegment[] = this.path): string {
    const root = rootOf(variable);
    if (!this.scope.has(root)) this.#outOfScope(root.varName, path);
    return `((.:${variable.varName}))`;
  }

  #outOfScope(name: string, path: readonly PathSegment[]): void {
    const key = `${formatPath(path)} ${name}`;
    if (this.pipeline.outOfScopeReported.has(key)) return;
    this.pipeline.outOfScopeReported.add(key);
    this.pipeline.report(
      "error",
      "local-var-out-of-scope",
      path,
      `local var '${name}' is used outside the scope of the load_var or across step that defines it in job '${this.job.name}'`,
      "Place the load_var step earlier in the same job, or use an across var only inside the step it modifies.",
    );
  }

  /**
   * Checks every `((.:name))` in a rendered step (its strings and keys, not the steps
   * nested under `skip`), so that a local var used in a template literal is the same error
   * as the var object itself. Only names of local vars made with contrail are checked;
   * others are lint's `undefined-local-var`.
   */
  checkLocalVarText(value: unknown, skip: ReadonlySet<string> = NO_KEYS): void {
    // Only names of contrail's local vars are checked, and they are all made before any
    // synth: with none, no string can hold one (a fifth of a 2,000-job synth).
    if (!anyLocalVarMade()) return;
    // One walk over every string of every step: the path is one array pushed and popped,
    // formatted only for a report.
    this.#scanLocalVarText(value, skip, [...this.path]);
  }

  #scanLocalVarText(value: unknown, skip: ReadonlySet<string>, path: PathSegment[]): void {
    if (typeof value === "string") {
      if (!value.includes("((.:")) return;
      for (const m of value.matchAll(LOCAL_VAR_USE)) {
        const name = m[1];
        if (name && isLocalVarName(name) && !this.scope.hasLocalVarNamed(name)) this.#outOfScope(name, path);
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        this.#scanLocalVarText(value[i], NO_KEYS, path);
        path.pop();
      }
    } else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        if (skip.has(key) || !Object.hasOwn(record, key)) continue;
        path.push(key);
        this.#scanLocalVarText(key, NO_KEYS, path);
        this.#scanLocalVarText(record[key], NO_KEYS, path);
        path.pop();
      }
    }
  }

  /**
   * Turns a builder value (with artifacts, artifact paths and local vars inside) into
   * plain JSON, checking each reference. `undefined` properties are dropped.
   */
  resolve(value: unknown): JsonValue {
    return this.#resolveAt(value, []);
  }

  // `rel` is the path below this context: one array pushed and popped on the way down, joined
  // to this context's path only for a finding (a report formats it at once).
  #resolveAt(value: unknown, rel: PathSegment[]): JsonValue {
    if (value === null || typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) {
        this.pipeline.report("error", "unsupported-value", this.#pathTo(rel), `${value} cannot be written to a pipeline`);
        return null;
      }
      return value;
    }
    if (hasBrand(value, Brand.artifactPath)) {
      const p = value as { artifact: Artifact; path: string };
      const name = this.#artifactNameAt(p.artifact, rel);
      return p.path === "" || p.path === "." ? name : `${name}/${p.path}`;
    }
    if (hasBrand(value, Brand.artifact)) return this.#artifactNameAt(value as Artifact, rel);
    if (hasBrand(value, Brand.localVar)) return this.localVar(value as LocalVar, this.#pathTo(rel));
    if (hasBrand(value, Brand.resolvable)) {
      const here = new JobContext(this.pipeline, this.job, this.scope, this.#pathTo(rel));
      return here.resolve((value as { resolveWith(ctx: JobContext): unknown }).resolveWith(here));
    }
    if (Array.isArray(value)) {
      const out: JsonValue[] = [];
      for (let i = 0; i < value.length; i++) {
        rel.push(i);
        out.push(this.#resolveAt(value[i], rel));
        rel.pop();
      }
      return out;
    }
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const record = value as Record<string, unknown>;
      const out: Record<string, JsonValue> = {};
      for (const key in record) {
        const item = record[key];
        if (item === undefined || !Object.hasOwn(record, key)) continue;
        rel.push(key);
        out[key] = this.#resolveAt(item, rel);
        rel.pop();
      }
      return out;
    }
    this.pipeline.report(
      "error",
      "unsupported-value",
      this.#pathTo(rel),
      `a ${typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value} cannot be written to a pipeline`,
      "Use strings, numbers, booleans, arrays, plain objects, vars or artifact handles.",
    );
    return null;
  }
}
