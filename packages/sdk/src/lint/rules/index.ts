/**
 * contrail's own checks: what Concourse accepts at set time but breaks at run time, or is
 * bad practice. Every rule is a warning by default; `--rule CODE=error` makes one blocking.
 */
import type { Report } from "../validate/report.ts";
import { obj } from "../values.ts";
import { checkArtifacts } from "./artifacts.ts";
import { type RuleContext, ruleContext } from "./context.ts";
import { checkPlaintextCredentials } from "./credentials.ts";
import { checkAggregate, checkDockerImage } from "./deprecated.ts";
import { checkLocalVars } from "./local-vars.ts";
import { checkOciBuild } from "./oci-build.ts";
import { checkResourceConfigs } from "./resource-config.ts";
import { checkUnusedResourceTypes } from "./resource-types.ts";

/** Runs every contrail rule on a decoded config. */
export function runOwnRules(value: unknown, report: Report, context: RuleContext = ruleContext()): void {
  const config = obj(value);
  if (!config) return;
  checkArtifacts(config, report, context);
  checkLocalVars(config, report);
  checkUnusedResourceTypes(config, report);
  checkPlaintextCredentials(config, report);
  checkOciBuild(config, report);
  checkAggregate(config, report);
  checkDockerImage(config, report);
  checkResourceConfigs(config, report);
}
