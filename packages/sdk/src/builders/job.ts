/**
 * Jobs: a plan of steps, run as builds. `passed:` constraints take Job objects, so a job
 * is renamed in one place.
 *
 * @see https://concourse-ci.org/jobs.html
 */

import type { PathSegment } from "../diagnostics/diagnostic.ts";
import { recordSite } from "../diagnostics/source-site.ts";
import type { Job as JobConfig } from "../model/job.ts";
import { Brand, hasBrand } from "./brand.ts";
import { extraKeys } from "./escape-hatch.ts";
import { checkOptionKinds, copyList } from "./option-types.ts";
import { Scope } from "./scope.ts";
import { forEachHook, type HookOptions, type Step, synthSequence, synthStep } from "./step.ts";
import { JobContext, type SynthContext } from "./synth-context.ts";

/** Options of a job. */
export interface JobProps extends HookOptions {
  /**
   * The steps, in order. A function is called at render: use it when a step names a job
   * declared further down (a `passed:` that refers forward, or a cycle).
   */
  readonly plan: readonly Step[] | (() => readonly Step[]);
  /** Run one build at a time. @default false */
  readonly serial?: boolean;
  /** Jobs sharing a group run one build at a time between them. */
  readonly serialGroups?: readonly string[];
  /** At most this many builds at once. @default unlimited */
  readonly maxInFlight?: number;
  /** How many build logs to keep. */
  readonly buildLogRetention?: { readonly builds?: number; readonly minimumSucceededBuilds?: number; readonly days?: number };
  /** Show build logs to everyone. @default false */
  readonly public?: boolean;
  /** Refuse manual triggers. @default false */
  readonly disableManualTrigger?: boolean;
  /** Refuse reruns of builds (Concourse v8.1+). @default false */
  readonly disableReruns?: boolean;
  /** Let a newer build interrupt a running one. @default false */
  readonly interruptible?: boolean;
  /** Worker tags for every step (Concourse v8.3+). */
  readonly tags?: readonly string[];
  /** The job's previous name, to keep its history when renaming. */
  readonly oldName?: string;
  /** Escape hatch: keys rendered as they are, after everything else. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

const JOB_KINDS = {
  old_name: "string",
  public: "boolean",
  serial: "boolean",
  serial_groups: "strings",
  max_in_flight: "integer",
  disable_manual_trigger: "boolean",
  disable_reruns: "boolean",
  interruptible: "boolean",
  tags: "strings",
} as const;
const RETENTION_KINDS = { builds: "integer", minimum_succeeded_builds: "integer", days: "integer" } as const;

/**
 * A job.
 *
 * @example
 * new Job("build-my-repo", { plan: [inParallel(src, tag), rubyVersion, build, push] })
 */
export class Job {
  declare readonly [Brand.job]: true;
  static {
    // On the prototype, not each instance: one render builds tens of thousands of these.
    Object.defineProperty(Job.prototype, Brand.job, { value: true });
  }
  /** The job's name. */
  readonly name: string;
  /** The options given. */
  readonly props: JobProps;

  constructor(name: string, props: JobProps) {
    this.name = name;
    this.props = props;
    recordSite(this, new.target);
  }

  /** True when `value` is a contrail job (from any copy of contrail). */
  static isJob(value: unknown): value is Job {
    return hasBrand(value, Brand.job);
  }

  /** Renders the `jobs:` entry. @internal */
  synth(pipeline: SynthContext, path: readonly PathSegment[]): JobConfig {
    const p = this.props;
    pipeline.origins.record(path, this);
    const scope = new Scope();
    const ctx = new JobContext(pipeline, this, scope, path);
    const out: Record<string, unknown> = { name: this.name };
    if (p.oldName !== undefined) out["old_name"] = p.oldName;
    if (p.public !== undefined) out["public"] = p.public;
    if (p.serial !== undefined) out["serial"] = p.serial;
    if (p.serialGroups !== undefined) out["serial_groups"] = copyList(p.serialGroups);
    if (p.maxInFlight !== undefined) out["max_in_flight"] = p.maxInFlight;
    if (p.buildLogRetention !== undefined) {
      const r = p.buildLogRetention;
      const retention: Record<string, number> = {};
      if (r.builds !== undefined) retention["builds"] = r.builds;
      if (r.minimumSucceededBuilds !== undefined) retention["minimum_succeeded_builds"] = r.minimumSucceededBuilds;
      if (r.days !== undefined) retention["days"] = r.days;
      out["build_log_retention"] = retention;
    }
    if (p.disableManualTrigger !== undefined) out["disable_manual_trigger"] = p.disableManualTrigger;
    if (p.disableReruns !== undefined) out["disable_reruns"] = p.disableReruns;
    if (p.interruptible !== undefined) out["interruptible"] = p.interruptible;
    if (p.tags !== undefined) out["tags"] = copyList(p.tags);
    checkOptionKinds(pipeline, path, out, JOB_KINDS);
    if (out["build_log_retention"] !== undefined)
      checkOptionKinds(pipeline, [...path, "build_log_retention"], out["build_log_retention"] as Record<string, unknown>, RETENTION_KINDS);
    out["plan"] = synthSequence(typeof p.plan === "function" ? p.plan() : p.plan, ctx, "plan");
    // Job hooks run after the plan and see everything it produced.
    forEachHook(p, (hook, key) => {
      out[key] = synthStep(hook, ctx.at(key));
    });
    if (p.extra !== undefined) {
      const extra = ctx.at("extra").resolve(p.extra);
      Object.assign(out, extra);
      pipeline.escapeHatches.push({ schema: "job", path, value: out, keys: extraKeys(extra) });
    }
    return out as unknown as JobConfig;
  }
}
