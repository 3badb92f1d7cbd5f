/**
 * The validate-cases.yml cases whose rule differs between Concourse versions, judged for
 * v7.11 and for v8.3: the v8.3 answer is the case's own (Concourse's, from its source); the
 * v7.11 answer is the one v7.11's source gives (atc/configwarning.go, atc/step_validator.go,
 * atc/task.go, atc/configvalidate/validate.go at v7.11), written out here.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConcourseVersion } from "../../packages/sdk/src/lint/concourse-version.ts";
import { lintYaml, RULES } from "../../packages/sdk/src/lint/index.ts";
import { sharedDir } from "./shared.ts";

interface Case {
  name: string;
  pipeline: string;
  expect: { errors: string[]; warnings?: string[] };
}

const cases = new Map(
  (parse(readFileSync(path.join(sharedDir(), "lint-cases/validate-cases.yml"), "utf8")) as Case[]).map((c) => [c.name, c]),
);

const ACROSS_V7 = "jobs.build.plan.do[0].across: the across step must be explicitly opted-in to using the `--enable-across-step` flag";

/** The v7.11 answer of each case whose rule changed by v8.3. */
const V7: Record<string, { errors: string[]; warnings: string[] }> = {
  // Identifiers had to start with a letter before v7.14, and there was no "just numbers" rule.
  "identifier-group-leading-underscore": {
    errors: [],
    warnings: ["groups._all: '_all' is not a valid identifier: must start with a lowercase letter"],
  },
  "identifier-just-numbers": { errors: [], warnings: ["jobs.123: '123' is not a valid identifier: must start with a lowercase letter"] },
  // The build_logs_to_retain deprecation warning came in v8.0.
  "jobs-negative-build-logs-to-retain": { errors: ["jobs.build has negative build_logs_to_retain: -1"], warnings: [] },
  "jobs-both-retention-fields": { errors: ["jobs.build can't use both build_log_retention and build_logs_to_retain"], warnings: [] },
  // v7 required run.path in an inline task config.
  "plan-task-inline-config-invalid": {
    errors: [
      "jobs.build.plan.do[0].task(unit).config: missing 'platform'",
      "jobs.build.plan.do[0].task(unit).config: missing path to executable to run",
      "jobs.build.plan.do[0].task(unit).config:   input in position 0 is missing a name",
      "jobs.build.plan.do[0].task(unit).config:   output in position 0 is missing a name",
    ],
    warnings: [],
  },
  // v7 needed the web flag --enable-across-step.
  "plan-across-valid": { errors: [ACROSS_V7], warnings: [] },
  "plan-across-shadows-local-var": {
    errors: ["jobs.build.plan.do[1].across: the across step must be explicitly opted-in to using the `--enable-across-step` flag"],
    warnings: ["jobs.build.plan.do[1].across[0]: shadows local var 'var1'"],
  },
  // hermetic came in v7.10: the same warning on both.
  "plan-task-hermetic-warning": {
    errors: [],
    warnings: ["jobs.build.plan.do[0].task(unit): specifies `hermetic:` only works against worker containerd runtime"],
  },
};

function judge(text: string, version: string) {
  const concourse = parseConcourseVersion(version);
  if ("error" in concourse) throw new Error(concourse.error);
  // Only Concourse's own rules: contrail's checks are the same on every version.
  const concourses = new Set(["yaml", "decode", "validate"]);
  const diagnostics = lintYaml(text, { concourse }).diagnostics.filter((d) => concourses.has(RULES[d.code]?.origin ?? ""));
  return {
    errors: diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
    warnings: diagnostics.filter((d) => d.severity === "warning").map((d) => d.message),
  };
}

describe("validate-cases.yml cases whose rule differs between v7.11 and v8.3", () => {
  for (const [name, v7] of Object.entries(V7)) {
    const c = cases.get(name);
    it(`${name}: v8.3 gives the case's answer`, () => {
      if (!c) throw new Error(`validate-cases.yml has no case ${name}`);
      expect(judge(c.pipeline, "8.3")).toEqual({ errors: c.expect.errors, warnings: c.expect.warnings ?? [] });
    });
    it(`${name}: v7.11 gives v7.11's answer`, () => {
      if (!c) throw new Error(`validate-cases.yml has no case ${name}`);
      expect(judge(c.pipeline, "7.11")).toEqual(v7);
    });
  }
});
