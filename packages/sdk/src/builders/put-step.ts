/**
 * The `put` step: pushes to a resource, then (unless `noGet`) fetches what it pushed into
 * an artifact named after the step.
 * @see https://concourse-ci.org/put-step.html
 */
import type { Artifact } from "./artifact.ts";
import { checksConfig } from "./get-step.ts";
import { checkOptionKinds, copyList } from "./option-types.ts";
import { type FileMap, ResourceStep } from "./resource-step.ts";
import type { StepOptions } from "./step.ts";
import type { JobContext, ResourceLike } from "./synth-context.ts";
import type { Input } from "./values.ts";

/** Options of a put step. */
export interface PutOptions<Params = Record<string, unknown>, GetParams = Record<string, unknown>> extends StepOptions {
  /** The step's (and implicit get's) name. @default the resource's name */
  readonly as?: string;
  /** Put params, passed to the resource. */
  readonly params?: Input<Params>;
  /**
   * Which artifacts to stream to the put: `"detect"` (those named in params; Concourse v8's
   * default), `"all"`, or a list of artifacts.
   */
  readonly inputs?: "all" | "detect" | readonly Artifact[];
  /** Params of the implicit get after the put. */
  readonly getParams?: Input<GetParams>;
  /** Skip the implicit get. The put then produces no artifact. */
  readonly noGet?: boolean;
  /** Worker tags. */
  readonly tags?: readonly string[];
}

const PUT_KINDS = { no_get: "boolean", tags: "strings" } as const;

/** A put step; also the artifact of its implicit get. */
export class PutStep<
  Params = Record<string, unknown>,
  GetParams = Record<string, unknown>,
  Files extends FileMap = Record<never, string>,
> extends ResourceStep<Files> {
  readonly #options: PutOptions<Params, GetParams>;

  /** Use `resource.put()` rather than this constructor. */
  constructor(resource: ResourceLike, options: PutOptions<Params, GetParams> = {}, files?: Files) {
    super(resource, options, files);
    this.#options = options;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const o = this.#options;
    ctx.useResource(this.resource);
    const out = this.head("put");
    if (o.params !== undefined) out["params"] = ctx.at("params").resolve(o.params);
    if (o.inputs !== undefined) {
      out["inputs"] = typeof o.inputs === "string" ? o.inputs : o.inputs.map((a, i) => ctx.at("inputs", i).artifactName(a));
    }
    if (o.getParams !== undefined) out["get_params"] = ctx.at("get_params").resolve(o.getParams);
    if (o.noGet !== undefined) out["no_get"] = o.noGet;
    if (checksConfig(this.resource)) {
      this.resource.validateConfig(ctx.pipeline, "put", out["params"] ?? {}, [...ctx.path, "params"]);
      if (out["get_params"] !== undefined)
        this.resource.validateConfig(ctx.pipeline, "get", out["get_params"], [...ctx.path, "get_params"]);
    }
    if (o.tags !== undefined) out["tags"] = copyList(o.tags);
    checkOptionKinds(ctx.pipeline, ctx.path, out, PUT_KINDS);
    if (!o.noGet) ctx.scope.add(this);
    return out;
  }
}
