/**
 * Checks of `passed:` constraints, once every job is rendered: each job named must be in
 * the pipeline and get or put the resource, and the constraints must not form a cycle.
 * These mirror Concourse's own rules (`atc/configvalidate/validate.go`), reported with
 * Concourse's wording, but with the path of the get step.
 *
 * @see https://concourse-ci.org/get-step.html#schema.get.passed
 */
import type { Job } from "./job.ts";
import type { JobLike, SynthContext } from "./synth-context.ts";

/** Reports every broken `passed:` constraint and the first cycle. */
export function checkPassedConstraints(ctx: SynthContext, jobs: readonly Job[]): void {
  const inPipeline = new Set<JobLike>(jobs);
  const edges = new Map<JobLike, Set<JobLike>>();
  for (const constraint of ctx.passedConstraints) {
    constraint.passed.forEach((passedJob, i) => {
      const path = [...constraint.path, i];
      if (!inPipeline.has(passedJob)) {
        ctx.report(
          "error",
          "passed-job-not-in-pipeline",
          path,
          `job '${passedJob.name}' in passed: is not in the pipeline`,
          "Add the job to the pipeline's jobs, or remove it from passed:.",
        );
        return;
      }
      if (!ctx.resourcesUsedBy.get(passedJob)?.has(constraint.resource)) {
        ctx.report(
          "error",
          "passed-job-no-resource",
          path,
          `job '${passedJob.name}' does not interact with resource '${constraint.resource.name}'`,
          `Only a job that gets or puts '${constraint.resource.name}' can be named in passed:.`,
        );
      }
      const targets = edges.get(constraint.job) ?? new Set<JobLike>();
      edges.set(constraint.job, targets);
      targets.add(passedJob);
    });
  }
  const cycleStart = findCycle(jobs, edges);
  if (cycleStart) {
    ctx.report(
      "error",
      "passed-cycle",
      ["jobs", cycleStart.name],
      `pipeline contains a cycle that starts at Job '${cycleStart.name}'`,
      "passed: constraints must flow one way; remove one of the constraints in the loop.",
    );
  }
}

/** The job where a depth-first search first meets a cycle, like Concourse's check. */
function findCycle(jobs: readonly JobLike[], edges: ReadonlyMap<JobLike, ReadonlySet<JobLike>>): JobLike | undefined {
  const done = new Set<JobLike>();
  const visit = (job: JobLike, onPath: Set<JobLike>): JobLike | undefined => {
    if (onPath.has(job)) return job;
    if (done.has(job)) return undefined;
    onPath.add(job);
    for (const next of edges.get(job) ?? []) {
      const found = visit(next, onPath);
      if (found) return found;
    }
    onPath.delete(job);
    done.add(job);
    return undefined;
  };
  for (const job of jobs) {
    const found = visit(job, new Set());
    if (found) return found;
  }
  return undefined;
}
