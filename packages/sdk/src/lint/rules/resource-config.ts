/**
 * Resource config checks for YAML pipelines: a resource of a known type whose `source`, or
 * a get/put whose `params`, breaks that type's rules (from the typed resource catalogue,
 * the same rules `sdk render` applies to typed builders). Concourse never checks these
 * (concourse/concourse #9067, #481): the pipeline is accepted and its first check or build
 * fails. So every finding is a warning here, whatever the rule's severity at render.
 *
 * @see https://concourse-ci.org/resource-types.html
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { checkResourceConfig } from "../../resources/check.ts";
import type { Report } from "../validate/report.ts";
import { arr, type Obj, obj, text } from "../values.ts";
import { stepResource, walkJobSteps } from "../walk.ts";

/** The object holding the last key of `path` under `root`, for the finding's position. */
function locate(root: Obj, path: readonly PathSegment[]): { target: object; key: string | undefined } {
  let target: Obj = root;
  for (const segment of path.slice(0, -1)) {
    const next = obj((target as Record<string | number, unknown>)[segment]);
    if (!next) break;
    target = next;
  }
  const last = path[path.length - 1];
  return { target, key: typeof last === "string" && last in target ? last : undefined };
}

/** Catalogue codes that one of lint's own rules already reports in its own words. */
const COVERED_BY_LINT: ReadonlySet<string> = new Set(["docker-image-deprecated"]);

/**
 * Reports the catalogue's problems with the value at `base` + `field`. The path of a
 * finding is built only for a finding: most values have none, and a render checks
 * thousands of them.
 */
function reportAll(
  report: Report,
  type: string,
  kind: "source" | "get" | "put" | "version",
  value: unknown,
  base: readonly PathSegment[],
  field: string,
  holder: Obj,
  context: { source?: unknown } = NO_CONTEXT,
): void {
  const problems = checkResourceConfig(type, kind, value ?? {}, context);
  if (problems.length === 0) return;
  const root = obj(value);
  for (const problem of problems) {
    if (COVERED_BY_LINT.has(problem.code)) continue;
    const { target, key } = root && problem.path.length > 0 ? locate(root, problem.path) : { target: holder, key: undefined };
    report.warning(problem.code, problem.message, [...base, field, ...problem.path], target, key, problem.hint);
  }
}

const NO_CONTEXT = {};

/** Runs the catalogue's checks on every resource and every get/put step. */
export function checkResourceConfigs(config: Obj, report: Report): void {
  const resources = new Map<string, Obj>();
  for (const value of arr(config.resources)) {
    const resource = obj(value);
    if (!resource) continue;
    const name = text(resource.name);
    resources.set(name, resource);
    const type = text(resource.type);
    reportAll(report, type, "source", resource.source, ["resources", name], "source", resource);
    if (obj(resource.version)) reportAll(report, type, "version", resource.version, ["resources", name], "version", resource);
  }
  for (const value of arr(config.jobs)) {
    const job = obj(value);
    if (!job) continue;
    walkJobSteps(job, "resource", (step, stepCore, path) => {
      const core = stepCore as "get" | "put";
      const resource = resources.get(stepResource(step, core));
      if (!resource) return;
      const type = text(resource.type);
      if (core === "get") {
        reportAll(report, type, "get", step.params, path, "params", step);
        if (obj(step.version)) reportAll(report, type, "version", step.version, path, "version", step);
      } else {
        reportAll(report, type, "put", step.params, path, "params", step, { source: resource.source });
        if (step.get_params !== undefined) reportAll(report, type, "get", step.get_params, path, "get_params", step);
      }
    });
  }
}
