/**
 * Groups (block `invalid groups:`): identifiers, job globs (gobwas/glob), known resources,
 * duplicate names, and jobs that belong to no group.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
import { arr, type Obj, obj, text } from "../values.ts";
import { compileGobwasGlob } from "./glob.ts";
import { reportIdentifier } from "./names.ts";
import type { Report } from "./report.ts";

/** Validates `groups`. */
export function validateGroups(config: Obj, report: Report): void {
  const jobs = arr(config.jobs).map((j) => text(obj(j)?.name));
  const grouped = new Map<string, boolean>(jobs.map((name) => [name, false]));
  const resources = new Set(arr(config.resources).map((r) => text(obj(r)?.name)));
  const counts = new Map<string, { count: number; group: Obj }>();
  const groups = arr(config.groups);
  groups.forEach((value, i) => {
    const group = obj(value) ?? {};
    const name = text(group.name);
    const context = name === "" ? `groups[${i}]` : `groups.${name}`;
    const path = name === "" ? ["groups", i] : ["groups", name];
    reportIdentifier(report, name, context, path, group, "name");
    const seen = counts.get(name);
    if (seen) seen.count++;
    else counts.set(name, { count: 1, group });
    const globs = arr(group.jobs);
    globs.forEach((glob, j) => {
      const pattern = text(glob);
      const re = compileGobwasGlob(pattern);
      if (!re) {
        report.error("invalid-glob", `invalid glob expression '${pattern}' for group '${name}'`, [...path, "jobs", j], group, "jobs");
        return;
      }
      let matched = false;
      for (const job of jobs) {
        if (re.test(job)) {
          grouped.set(job, true);
          matched = true;
        }
      }
      if (!matched)
        report.error("group-matches-no-job", `no jobs match '${pattern}' for group '${name}'`, [...path, "jobs", j], group, "jobs");
    });
    arr(group.resources).forEach((r, j) => {
      const resource = text(r);
      if (!resources.has(resource)) {
        report.error(
          "group-unknown-resource",
          `group '${name}' has unknown resource '${resource}'`,
          [...path, "resources", j],
          group,
          "resources",
        );
      }
    });
  });
  for (const [name, { count, group }] of counts) {
    if (count > 1) {
      report.error(
        "duplicate-name",
        `group '${name}' appears ${count} times. Duplicate names are not allowed.`,
        ["groups", name],
        group,
        "name",
      );
    }
  }
  if (groups.length > 0) {
    const jobList = arr(config.jobs);
    for (const [job, isGrouped] of grouped) {
      if (!isGrouped) {
        const target = obj(jobList.find((j) => text(obj(j)?.name) === job));
        report.error("job-without-group", `job '${job}' belongs to no group`, ["jobs", job], target, "name");
      }
    }
  }
}
