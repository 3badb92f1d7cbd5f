/**
 * `unused-resource-type`: a resource type that no resource, other resource type or task
 * `image_resource` uses. Concourse checks unused resources but not unused types.
 *
 * @see https://concourse-ci.org/resource-types.html
 */
import type { Report } from "../validate/report.ts";
import { arr, type Obj, obj, text } from "../values.ts";
import { walkJob } from "../walk.ts";

/** Runs `unused-resource-type`. */
export function checkUnusedResourceTypes(config: Obj, report: Report): void {
  const types = arr(config.resource_types);
  if (types.length === 0) return;
  const used = new Set<string>();
  for (const r of arr(config.resources)) used.add(text(obj(r)?.type));
  for (const t of types) used.add(text(obj(t)?.type));
  for (const p of arr(config.prototypes)) used.add(text(obj(p)?.type));
  for (const j of arr(config.jobs)) {
    const job = obj(j);
    if (job) walkJob(job, (step) => used.add(text(obj(obj(step.config)?.image_resource)?.type)));
  }
  types.forEach((value, i) => {
    const type = obj(value) ?? {};
    const name = text(type.name);
    if (name !== "" && !used.has(name)) {
      report.warning(
        "unused-resource-type",
        `resource type '${name}' is not used`,
        ["resource_types", name || i],
        type,
        "name",
        "remove it, or use it as the type of a resource",
      );
    }
  });
}
