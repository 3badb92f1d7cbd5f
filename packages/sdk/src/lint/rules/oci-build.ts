/**
 * `oci-build-privileged`: oci-build-task (image `concourse/oci-build-task` or
 * `vito/oci-build-task`) builds images with BuildKit, which needs a privileged container.
 * Without `privileged: true` the task fails at run time.
 *
 * @see https://github.com/concourse/oci-build-task#usage
 */
import type { Report } from "../validate/report.ts";
import { arr, type Obj, obj, text } from "../values.ts";
import { walkJobSteps } from "../walk.ts";

const OCI_BUILD = /(^|\/)(concourse|vito)\/oci-build-task(:[^/]*)?$/;

/** Runs `oci-build-privileged` on every task step with an inline config. */
export function checkOciBuild(config: Obj, report: Report): void {
  for (const value of arr(config.jobs)) {
    const job = obj(value);
    if (!job) continue;
    walkJobSteps(job, "task", (step, _core, path) => {
      if (step.privileged === true) return;
      const repository = text(obj(obj(obj(step.config)?.image_resource)?.source)?.repository);
      if (!OCI_BUILD.test(repository)) return;
      report.warning(
        "oci-build-privileged",
        `task '${text(step.task)}' runs oci-build-task without privileged: true`,
        [...path, "privileged"],
        step,
        "task",
        "add `privileged: true` to the task step: oci-build-task needs it to build images",
      );
    });
  }
}
