/**
 * The job schema. @see https://concourse-ci.org/jobs.html
 */
import { z } from "zod";
import { Tags } from "./common.ts";
import { Step, type StepHooks } from "./step.ts";

/** How many build logs to keep. @see https://concourse-ci.org/jobs.html#schema.build_log_retention_policy */
export const BuildLogRetention = z.strictObject({
  builds: z.number().int().optional(),
  minimum_succeeded_builds: z.number().int().optional(),
  days: z.number().int().optional(),
});
/** A build log retention policy. */
export type BuildLogRetention = z.infer<typeof BuildLogRetention>;

/** A job without its hooks (see {@link Job}). */
export const JobCore = z.strictObject({
  name: z.string(),
  old_name: z.string().optional(),
  serial: z.boolean().optional(),
  serial_groups: z.array(z.string()).optional(),
  max_in_flight: z.number().int().optional(),
  build_log_retention: BuildLogRetention.optional(),
  build_logs_to_retain: z.number().int().optional().meta({ deprecated: true }),
  public: z.boolean().optional(),
  disable_manual_trigger: z.boolean().optional(),
  disable_reruns: z.boolean().optional(),
  interruptible: z.boolean().optional(),
  tags: Tags.optional(),
  plan: z.array(Step).optional(),
});

/** A job. */
export interface Job extends z.infer<typeof JobCore>, StepHooks {}

/** The job schema. */
export const Job: z.ZodType<Job> = JobCore.extend({
  on_success: Step.optional(),
  on_failure: Step.optional(),
  on_error: Step.optional(),
  on_abort: Step.optional(),
  ensure: Step.optional(),
}).meta({ id: "Job", title: "Job" });
