/**
 * The `set_pipeline` step: configures a pipeline (or this one, `self`) from a file.
 * @see https://concourse-ci.org/set-pipeline-step.html
 */

import { onUsersBehalf } from "../diagnostics/source-site.ts";
import type { ArtifactPath } from "./artifact.ts";
import { Step, type StepOptions } from "./step.ts";
import type { JobContext } from "./synth-context.ts";
import type { InputMap } from "./values.ts";

/** Options of a set_pipeline step. */
export interface SetPipelineOptions extends StepOptions {
  /** Vars for the pipeline's `((vars))`. */
  readonly vars?: InputMap;
  /** Files of vars, inside artifacts. */
  readonly varFiles?: readonly (ArtifactPath | string)[];
  /** The team to set the pipeline in (admin teams only). @default the current team */
  readonly team?: string;
  /** Instance vars, for an instanced pipeline. */
  readonly instanceVars?: InputMap;
}

/** A set_pipeline step. */
export class SetPipelineStep extends Step {
  /** The pipeline's name, or `self`. */
  readonly pipelineName: string;
  /** The pipeline config file. */
  readonly file: ArtifactPath | string;
  readonly #options: SetPipelineOptions;

  constructor(pipelineName: string, file: ArtifactPath | string, options: SetPipelineOptions = {}) {
    super(options);
    this.pipelineName = pipelineName;
    this.file = file;
    this.#options = options;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const o = this.#options;
    const out: Record<string, unknown> = { set_pipeline: this.pipelineName, file: ctx.at("file").resolve(this.file) };
    if (o.vars !== undefined) out["vars"] = ctx.at("vars").resolve(o.vars);
    if (o.varFiles !== undefined) out["var_files"] = ctx.at("var_files").resolve(o.varFiles);
    if (o.team !== undefined) out["team"] = o.team;
    if (o.instanceVars !== undefined) out["instance_vars"] = ctx.at("instance_vars").resolve(o.instanceVars);
    return out;
  }
}

/**
 * A set_pipeline step.
 * @example setPipeline("self", src.file("ci/pipeline.yml"))
 */
export function setPipeline(pipelineName: string, file: ArtifactPath | string, options?: SetPipelineOptions): SetPipelineStep {
  return onUsersBehalf(setPipeline, () => new SetPipelineStep(pipelineName, file, options));
}
