/**
 * The checks shared by every named list (resources, resource types, prototypes, var sources,
 * jobs): identifier rules, duplicate names, missing names and types.
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { type Obj, text } from "../values.ts";
import { IDENTIFIER_HINT, validateIdentifier } from "./identifier.ts";
import type { Report } from "./report.ts";

/** Reports the identifier check of `name` (error for empty, warning otherwise). */
export function reportIdentifier(
  report: Report,
  name: string,
  context: string,
  path: readonly PathSegment[],
  target: object,
  key: string,
): void {
  const result = validateIdentifier(name, context, report.version);
  if (result.error) report.error("empty-identifier", result.error, path, target, key);
  if (result.warning) report.warning("invalid-identifier", result.warning, path, target, key, IDENTIFIER_HINT);
}

/** The context and path of item `i` of a named list: `resources.NAME` or `resources[i]`. */
export function itemContext(section: string, item: Obj, i: number): { name: string; context: string; path: PathSegment[] } {
  const name = text(item.name);
  return name === ""
    ? { name, context: `${section}[${i}]`, path: [section, i] }
    : { name, context: `${section}.${name}`, path: [section, name] };
}

/**
 * R1–R4 for one list: identifiers, `X[i] and X[j] have the same name`, `has no name`,
 * `has no type`. `names` is shared between sections that share a name space.
 */
export function validateNamedList(
  report: Report,
  section: string,
  items: readonly unknown[],
  names: Map<string, string>,
  checkType: boolean,
): void {
  items.forEach((value, i) => {
    const item = (typeof value === "object" && value !== null ? value : {}) as Obj;
    const { name, context, path } = itemContext(section, item, i);
    reportIdentifier(report, name, context, path, item, "name");
    const other = names.get(name);
    if (other !== undefined) {
      report.error("duplicate-name", `${other} and ${section}[${i}] have the same name ('${name}')`, path, item, "name");
    } else if (name !== "") names.set(name, `${section}[${i}]`);
    if (name === "") report.error("missing-name", `${context} has no name`, path, item);
    if (checkType && text(item.type) === "") report.error("missing-type", `${context} has no type`, path, item, "name");
  });
}
