/**
 * Jobs (block `invalid jobs:`): J1–J11, then every step of each job through
 * {@link StepValidator}.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */

import { supports } from "../concourse-version.ts";
import { arr, num, type Obj, obj, text } from "../values.ts";
import { jobResources } from "../walk.ts";
import { itemContext, reportIdentifier } from "./names.ts";
import type { Report } from "./report.ts";
import { type PipelineIndex, StepValidator } from "./steps.ts";

/** Facts about the pipeline the step rules look up. */
export function indexPipeline(config: Obj): PipelineIndex {
  const jobs = arr(config.jobs).map((j) => obj(j) ?? {});
  const interactions = new Map<string, Set<string>>();
  for (const job of jobs) {
    const name = text(job.name);
    const set = interactions.get(name) ?? new Set<string>();
    for (const r of jobResources(job)) set.add(r);
    interactions.set(name, set);
  }
  return {
    resources: new Set(arr(config.resources).map((r) => text(obj(r)?.name))),
    prototypes: new Set(arr(config.prototypes).map((r) => text(obj(r)?.name))),
    jobs: jobs.map((j) => text(j.name)),
    interactions,
  };
}

/** Validates `jobs`. */
export function validateJobs(config: Obj, report: Report, index: PipelineIndex): void {
  const jobs = arr(config.jobs);
  if (jobs.length === 0) {
    report.error("no-jobs", "jobs: pipeline must contain at least one job", ["jobs"], obj(config.jobs) ?? config, "jobs");
    return;
  }
  const names = new Map<string, number>();
  jobs.forEach((value, i) => {
    const job = obj(value) ?? {};
    const { name, context, path } = itemContext("jobs", job, i);
    reportIdentifier(report, name, context, path, job, "name");
    const other = names.get(name);
    if (other !== undefined)
      report.error("duplicate-name", `jobs[${other}] and jobs[${i}] have the same name ('${name}')`, path, job, "name");
    else if (name !== "") names.set(name, i);
    if (name === "") report.error("missing-name", `${context} has no name`, path, job);
    const retain = num(job.build_logs_to_retain);
    if (retain !== 0 && supports(report.version, "buildLogsDeprecation")) {
      report.warning(
        "deprecated-build-logs-to-retain",
        `${context}.build_logs_to_retain is deprecated. Use build_log_retention instead.`,
        [...path, "build_logs_to_retain"],
        job,
        "build_logs_to_retain",
        `replace it with build_log_retention: {builds: ${retain}}`,
      );
    }
    const retention = obj(job.build_log_retention);
    const at = [...path, "build_log_retention"];
    if (retention && retain !== 0) {
      report.error(
        "invalid-build-log-retention",
        `${context} can't use both build_log_retention and build_logs_to_retain`,
        at,
        job,
        "build_log_retention",
      );
    } else if (retain < 0) {
      report.error(
        "invalid-build-log-retention",
        `${context} has negative build_logs_to_retain: ${retain}`,
        [...path, "build_logs_to_retain"],
        job,
        "build_logs_to_retain",
      );
    }
    if (retention) {
      const builds = num(retention.builds);
      const days = num(retention.days);
      const min = num(retention.minimum_succeeded_builds);
      const bad = (message: string, key: string) => report.error("invalid-build-log-retention", message, [...at, key], retention, key);
      if (builds < 0) bad(`${context} has negative build_log_retention.builds: ${builds}`, "builds");
      if (days < 0) bad(`${context} has negative build_log_retention.days: ${days}`, "days");
      if (min < 0) bad(`${context} has negative build_log_retention.min_success_builds: ${min}`, "minimum_succeeded_builds");
      if (builds > 0 && min > builds) {
        bad(
          `${context} has build_log_retention.min_success_builds: ${min} greater than build_log_retention.min_success_builds: ${builds}`,
          "minimum_succeeded_builds",
        );
      }
    }
    new StepValidator(report, index, context, path).visitJob(job);
  });
}
