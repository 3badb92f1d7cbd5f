/**
 * Resources, resource types and prototypes (blocks `invalid resources:`,
 * `invalid resource types:`, `invalid prototypes:`), including "resource is not used".
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
import { arr, type Obj, obj, text } from "../values.ts";
import { jobResources } from "../walk.ts";
import { validateNamedList } from "./names.ts";
import type { Report } from "./report.ts";

/** Validates `resources`, R1–R5. */
export function validateResources(config: Obj, report: Report): void {
  const resources = arr(config.resources);
  validateNamedList(report, "resources", resources, new Map(), true);
  const used = new Set<string>();
  for (const job of arr(config.jobs)) {
    const o = obj(job);
    if (o) for (const name of jobResources(o)) used.add(name);
  }
  resources.forEach((value, i) => {
    const resource = obj(value) ?? {};
    const name = text(resource.name);
    if (!used.has(name)) {
      report.error(
        "unused-resource",
        `resource '${name}' is not used`,
        name === "" ? ["resources", i] : ["resources", name],
        resource,
        "name",
      );
    }
  });
}

/** Validates `resource_types` and `prototypes`, which share one name space. */
export function validateResourceTypes(config: Obj, report: Report): void {
  validateNamedList(report, "resource_types", arr(config.resource_types), new Map(), true);
}

/** Validates `prototypes`; their names clash with resource type names too. */
export function validatePrototypes(config: Obj, report: Report): void {
  const names = new Map<string, string>();
  arr(config.resource_types).forEach((t, i) => {
    const name = text(obj(t)?.name);
    if (name !== "" && !names.has(name)) names.set(name, `resource_types[${i}]`);
  });
  validateNamedList(report, "prototypes", arr(config.prototypes), names, true);
}
