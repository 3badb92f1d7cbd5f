/**
 * The pipeline: jobs, and everything they reference. Resources and resource types are
 * collected from the jobs; declaring them here as well is allowed (and needed for
 * resources no job uses yet).
 *
 * @see https://concourse-ci.org/pipelines.html
 */
import type { Diagnostic, PathSegment } from "../diagnostics/diagnostic.ts";
import { recordSite } from "../diagnostics/source-site.ts";
import type { PipelineConfig } from "../model/pipeline.ts";
import { Brand, hasBrand } from "./brand.ts";
import { type EscapeHatchValue, extraKeys } from "./escape-hatch.ts";
import type { FileTaskUse } from "./file-task.ts";
import type { Job } from "./job.ts";
import { locateDiagnostic } from "./locate.ts";
import { checkPassedConstraints } from "./passed-constraints.ts";
import { resolveStatic } from "./resolve-static.ts";
import type { GettableResource } from "./resource.ts";
import type { ResourceType } from "./resource-type.ts";
import { SynthContext } from "./synth-context.ts";
import type { VarSourceProps } from "./var-sources.ts";

/** A group of jobs in the web UI. */
export interface GroupProps {
  /** The group's name. */
  readonly name: string;
  /** Jobs in the group: objects, or glob patterns such as `"deploy-*"`. */
  readonly jobs?: readonly (Job | string)[];
  /** Resources shown with the group. */
  readonly resources?: readonly GettableResource[];
}

/** Options of a pipeline. */
export interface PipelineProps {
  /** The pipeline's name, for `sdk render -o DIR` and `sdk set`. @default the export's name */
  readonly name?: string;
  /** The jobs. */
  readonly jobs: readonly Job[];
  /**
   * Resources to declare, in the order `resources:` lists them: also the way to declare one
   * no job uses yet. Those not listed are collected from the jobs and follow, in order of
   * first use.
   */
  readonly resources?: readonly GettableResource[];
  /**
   * Resource types to declare, in the order `resource_types:` lists them. Those not listed
   * are collected from the resources and follow, in the order the resources need them.
   */
  readonly resourceTypes?: readonly ResourceType[];
  /** Groups of jobs in the web UI. */
  readonly groups?: readonly GroupProps[];
  /** Credential managers scoped to the pipeline, each with its typed config. */
  readonly varSources?: readonly VarSourceProps[];
  /** Web UI display settings. */
  readonly display?: { readonly backgroundImage?: string; readonly backgroundFilter?: string };
  /** Escape hatch: top-level keys rendered as they are. */
  readonly extra?: Readonly<Record<string, unknown>>;
  /**
   * Local folders of artifacts, by artifact name, relative to the pipeline file's folder:
   * `{ app: "." }` says the artifact `app` (the get of the repository this file is in)
   * holds this folder. Render then reads the task files of steps that run
   * `file: app/...`, checks the plan against them as it checks inline tasks, and fails with
   * a diff when a {@link defineTask} declaration no longer matches its file. Not rendered;
   * `--artifact NAME=DIR` on the command line adds to it (and wins).
   * @see https://concourse-ci.org/task-step.html#schema.task.file
   */
  readonly artifacts?: Readonly<Record<string, string>>;
}

/** What {@link Pipeline.synth} returns. */
export interface SynthResult {
  /** The pipeline config, shaped like Concourse's YAML. */
  readonly config: PipelineConfig;
  /**
   * Problems found while building it, each at the user's line that made the object it is
   * about (`file`, `line`, `column`, when known) as well as its YAML `path`. Errors mean
   * the config must not be used.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** The steps that run a declared task file ({@link defineTask}), in plan order. */
  readonly fileTasks: readonly FileTaskUse[];
  /**
   * The values given through escape hatches (`extra`, `rawStep`, a raw task `config`):
   * everything else the builders shaped themselves, so these are what render checks
   * against the config model's schemas.
   */
  readonly escapeHatches: readonly EscapeHatchValue[];
  /**
   * Locates a diagnostic found later in the config (by lint, say) the same way: at the
   * user's line that made the object at its path. Returns it unchanged when unknown.
   */
  readonly locate: (diagnostic: Diagnostic) => Diagnostic;
}

/**
 * A pipeline. Export it from `pipeline.ts` and run `sdk render`.
 *
 * @example
 * export default new Pipeline({ jobs: [build] });
 */
export class Pipeline {
  declare readonly [Brand.pipeline]: true;
  /** The options given. */
  readonly props: PipelineProps;

  constructor(props: PipelineProps) {
    this.props = props;
    Object.defineProperty(this, Brand.pipeline, { value: true });
    recordSite(this, new.target);
  }

  /** The pipeline's name, when given. */
  get name(): string | undefined {
    return this.props.name;
  }

  /** True when `value` is a contrail pipeline (from any copy of contrail). */
  static isPipeline(value: unknown): value is Pipeline {
    return hasBrand(value, Brand.pipeline);
  }

  /**
   * Builds the config model, resolving every object reference to a name and collecting
   * every problem. Never throws for a problem in the pipeline.
   */
  synth(): SynthResult {
    const ctx = new SynthContext();
    const p = this.props;
    ctx.origins.record([], this);
    for (const [i, type] of (p.resourceTypes ?? []).entries()) {
      ctx.origins.record(["resource_types", i], type);
      ctx.registerResourceType(type, ["resource_types", i]);
    }
    for (const [i, resource] of (p.resources ?? []).entries()) {
      ctx.origins.record(["resources", i], resource);
      ctx.registerResource(resource, ["resources", i]);
    }

    const jobNames = new Map<string, Job>();
    const jobs = p.jobs.map((job, i) => {
      const path: PathSegment[] = ["jobs", job.name];
      const existing = jobNames.get(job.name);
      if (existing) {
        ctx.report(
          "error",
          "duplicate-job-name",
          ["jobs", i],
          existing === job ? `job '${job.name}' is listed twice` : `two different jobs are named '${job.name}'`,
          existing === job ? "List each job once." : "Give each job its own name.",
        );
      }
      jobNames.set(job.name, job);
      ctx.origins.record(["jobs", i], job);
      return job.synth(ctx, path);
    });
    checkPassedConstraints(ctx, p.jobs);

    // Resources may bring types that bring types: render until nothing new appears.
    const resources = [...ctx.resources.values()].map((resource) => {
      ctx.origins.record(["resources", resource.name], resource);
      return (resource as GettableResource).synth(ctx, ["resources", resource.name]);
    });
    const resourceTypes = [];
    for (let i = 0; i < ctx.resourceTypes.size; i++) {
      const type = [...ctx.resourceTypes.values()][i] as ResourceType;
      ctx.origins.record(["resource_types", type.name], type);
      resourceTypes.push(type.synth(ctx, ["resource_types", type.name]));
    }

    const config: Record<string, unknown> = {};
    if (p.groups !== undefined) config["groups"] = p.groups.map((g, i) => this.#group(ctx, g, i));
    if (p.display !== undefined) {
      const display: Record<string, string> = {};
      if (p.display.backgroundImage !== undefined) display["background_image"] = p.display.backgroundImage;
      if (p.display.backgroundFilter !== undefined) display["background_filter"] = p.display.backgroundFilter;
      config["display"] = display;
    }
    if (p.varSources !== undefined) {
      config["var_sources"] = p.varSources.map((v, i) => ({
        name: v.name,
        type: v.type,
        ...(v.config !== undefined ? { config: resolveStatic(ctx, ["var_sources", i, "config"], v.config) } : {}),
      }));
    }
    if (resourceTypes.length > 0) config["resource_types"] = resourceTypes;
    if (resources.length > 0) config["resources"] = resources;
    config["jobs"] = jobs;
    if (p.extra !== undefined) {
      const extra = resolveStatic(ctx, ["extra"], p.extra);
      Object.assign(config, extra);
      ctx.escapeHatches.push({ schema: "pipeline", path: [], value: config, keys: extraKeys(extra) });
    }
    const locate = (d: Diagnostic) => locateDiagnostic(ctx.origins, d);
    return {
      config: config as PipelineConfig,
      diagnostics: ctx.diagnostics.map(locate),
      fileTasks: ctx.fileTasks,
      escapeHatches: ctx.escapeHatches,
      locate,
    };
  }

  #group(ctx: SynthContext, group: GroupProps, index: number): Record<string, unknown> {
    const out: Record<string, unknown> = { name: group.name };
    if (group.jobs !== undefined) {
      out["jobs"] = group.jobs.map((job, i) => {
        if (typeof job === "string") return job;
        if (!this.props.jobs.includes(job)) {
          ctx.report(
            "error",
            "group-job-not-in-pipeline",
            ["groups", index, "jobs", i],
            `group '${group.name}' lists job '${job.name}', which is not in the pipeline's jobs`,
            "Add the job to the pipeline's jobs.",
          );
        }
        return job.name;
      });
    }
    if (group.resources !== undefined) {
      out["resources"] = group.resources.map((resource, i) => {
        ctx.registerResource(resource, ["groups", index, "resources", i]);
        return resource.name;
      });
    }
    return out;
  }
}
