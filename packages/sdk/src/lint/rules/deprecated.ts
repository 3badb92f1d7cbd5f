/**
 * Deprecated forms and their modern replacements: the `aggregate` step (removed in v6, now
 * `no step configured`), the `docker-image` resource type (replaced by `registry-image`).
 * `build_logs_to_retain` is Concourse's own deprecation warning (see the jobs rules).
 *
 * @see https://concourse-ci.org/in-parallel-step.html
 * @see https://github.com/concourse/registry-image-resource
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import type { Report } from "../validate/report.ts";
import { mayContain } from "../value-search.ts";
import { arr, type Obj, obj, text } from "../values.ts";

/** The fix for the removed `aggregate` step. */
export const AGGREGATE_HINT = "the `aggregate` step was removed in Concourse v6: use `in_parallel` with the same list of steps";

// `path` is one array pushed and popped on the way down, copied only for a finding.
function findAggregates(value: unknown, path: PathSegment[], report: Report): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      findAggregates(value[i], path, report);
      path.pop();
    }
    return;
  }
  const o = obj(value);
  if (!o) return;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) continue;
    const v = o[key];
    if (key === "aggregate" && Array.isArray(v)) {
      report.warning(
        "deprecated-aggregate",
        "the aggregate step is deprecated and removed in Concourse v6+",
        [...path, key],
        o,
        key,
        AGGREGATE_HINT,
      );
    }
    if (key !== "config" && key !== "params" && key !== "source" && key !== "vars") {
      path.push(key);
      findAggregates(v, path, report);
      path.pop();
    }
  }
}

/** Runs `deprecated-aggregate` over the jobs (plain values, decoded or not). */
export function checkAggregate(config: Obj, report: Report): void {
  if (Array.isArray(config.jobs) && !mayContain(config.jobs, "aggregateKey")) return;
  arr(config.jobs).forEach((job, i) => {
    // Only a job holding a key `aggregate` anywhere is walked.
    const o = obj(job);
    if (o && !mayContain(o, "aggregateKey")) return;
    findAggregates(job, ["jobs", text(o?.name) || i], report);
  });
}

/** Runs `deprecated-docker-image` on resources, resource types and task images. */
export function checkDockerImage(config: Obj, report: Report): void {
  const custom = new Set(arr(config.resource_types).map((t) => text(obj(t)?.name)));
  if (custom.has("docker-image")) return;
  for (const section of ["resources", "resource_types"] as const) {
    arr(config[section]).forEach((value, i) => {
      const item = obj(value);
      if (!item || text(item.type) !== "docker-image") return;
      report.warning(
        "deprecated-docker-image",
        `${section}.${text(item.name) || i} uses the deprecated docker-image resource type`,
        [section, text(item.name) || i, "type"],
        item,
        "type",
        "use `type: registry-image` (same `repository`/`tag` source keys); build images with oci-build-task",
      );
    });
  }
}
