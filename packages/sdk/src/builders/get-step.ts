/**
 * The `get` step: fetches a version of a resource into an artifact named after it.
 * @see https://concourse-ci.org/get-step.html
 */

import type { PathSegment } from "../diagnostics/diagnostic.ts";
import type { Version } from "../model/common.ts";
import { checkOptionKinds, copyList } from "./option-types.ts";
import { type FileMap, ResourceStep } from "./resource-step.ts";
import type { StepOptions } from "./step.ts";
import type { JobContext, JobLike, ResourceLike, SynthContext } from "./synth-context.ts";
import type { Input } from "./values.ts";

/** Options of a get step. */
export interface GetOptions<Params = Record<string, unknown>> extends StepOptions {
  /**
   * The step's (and artifact's) name, when it must differ from the resource's, e.g. to get
   * one resource twice. @default the resource's name
   */
  readonly as?: string;
  /** Start a new build of the job when a new version appears. @default false */
  readonly trigger?: boolean;
  /** Only versions that went through all of these jobs. @see https://concourse-ci.org/get-step.html#schema.get.passed */
  readonly passed?: readonly JobLike[];
  /** `"latest"` (default), `"every"`, or a pinned version. */
  readonly version?: "latest" | "every" | Version;
  /** Get params, passed to the resource. */
  readonly params?: Input<Params>;
  /** Worker tags. */
  readonly tags?: readonly string[];
}

/** A resource that checks its rendered params (typed resources). @internal */
export interface ConfigCheckingResource extends ResourceLike {
  validateConfig(ctx: SynthContext, kind: "get" | "put" | "version", value: unknown, path: readonly PathSegment[]): void;
}

/** True when `resource` checks its params. @internal */
export function checksConfig(resource: ResourceLike): resource is ConfigCheckingResource {
  return typeof (resource as Partial<ConfigCheckingResource>).validateConfig === "function";
}

export type { FileMap } from "./resource-step.ts";

const GET_KINDS = { trigger: "boolean", tags: "strings" } as const;

/** A get step; also the artifact it fetches. */
export class GetStep<Params = Record<string, unknown>, Files extends FileMap = Record<never, string>> extends ResourceStep<Files> {
  readonly #options: GetOptions<Params>;

  /** Use `resource.get()` rather than this constructor. */
  constructor(resource: ResourceLike, options: GetOptions<Params> = {}, files?: Files) {
    super(resource, options, files);
    this.#options = options;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const o = this.#options;
    ctx.useResource(this.resource);
    const out = this.head("get");
    if (o.passed && o.passed.length > 0) {
      out["passed"] = o.passed.map((job) => job.name);
      ctx.pipeline.passedConstraints.push({ job: ctx.job, resource: this.resource, passed: o.passed, path: [...ctx.path, "passed"] });
    }
    if (o.trigger !== undefined) out["trigger"] = o.trigger;
    if (o.version !== undefined) out["version"] = o.version;
    if (o.params !== undefined) out["params"] = ctx.at("params").resolve(o.params);
    if (checksConfig(this.resource)) {
      this.resource.validateConfig(ctx.pipeline, "get", out["params"] ?? {}, [...ctx.path, "params"]);
      if (typeof o.version === "object") this.resource.validateConfig(ctx.pipeline, "version", o.version, [...ctx.path, "version"]);
    }
    if (o.tags !== undefined) out["tags"] = copyList(o.tags);
    checkOptionKinds(ctx.pipeline, ctx.path, out, GET_KINDS);
    ctx.scope.add(this);
    return out;
  }
}
