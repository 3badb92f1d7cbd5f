/**
 * Stage 3 of `sdk lint`: `configvalidate.Validate`, section by section in Concourse's order
 * (groups, resources, resource types, prototypes, var sources, jobs, display, then the
 * `passed` cycle check), each message Concourse's own line.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
import { type Obj, obj } from "../values.ts";
import { validateCycle } from "./cycle.ts";
import { validateDisplay } from "./display.ts";
import { validateGroups } from "./groups.ts";
import { indexPipeline, validateJobs } from "./jobs.ts";
import type { Report } from "./report.ts";
import { validatePrototypes, validateResources, validateResourceTypes } from "./resources.ts";
import { validateVarSources } from "./var-sources.ts";

/** The Concourse section (error block) each validate code reports under. */
export type Section = "groups" | "resources" | "resource types" | "prototypes" | "variable sources" | "jobs" | "display config";

/** Runs every Concourse validation rule on a decoded config. */
export function validateConfig(value: unknown, report: Report): void {
  const config: Obj = obj(value) ?? {};
  validateGroups(config, report);
  validateResources(config, report);
  validateResourceTypes(config, report);
  validatePrototypes(config, report);
  validateVarSources(config, report);
  validateJobs(config, report, indexPipeline(config));
  validateDisplay(config, report);
  validateCycle(config, report);
}
