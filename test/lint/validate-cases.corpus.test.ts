/**
 * Every case of validate-cases.yml (Concourse's own answers, from its source) gives
 * Concourse's verdict: the same error and warning lines for `validate` cases, an error at the
 * offending line for `decode` and `yaml` cases.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
// `yaml` is a dependency of the sdk package, not of the workspace root.
import { parse } from "yaml";
import { DECODE_PREFIX, lintYaml, RULES } from "../../packages/sdk/src/lint/index.ts";
import { sharedDir } from "./shared.ts";

interface Case {
  name: string;
  pipeline: string;
  expect: { stage: "yaml" | "decode" | "validate"; valid: boolean; errors: string[]; warnings?: string[] };
}

const cases = parse(readFileSync(path.join(sharedDir(), "lint-cases/validate-cases.yml"), "utf8")) as Case[];

/** Texts with Go json/time errors may differ between Go versions: compare up to the Go part. */
function loose(message: string): string {
  return message.replace(/json: cannot unmarshal (\S+) into .*$/, "json: cannot unmarshal $1 into …");
}

/** The 1-based line of the first line of the pipeline that contains `needle`. */
function lineOf(text: string, needle: RegExp): number {
  const index = text.split("\n").findIndex((l) => needle.test(l));
  return index + 1;
}

/** Where each decode case's offending node is. */
const OFFENDING: Record<string, RegExp> = {
  "decode-no-step-configured": /foo: bar/,
  "decode-across-unknown-field": /bogus_field/,
  "decode-unknown-field-in-resource": /sorce/,
  "decode-yaml11-bool-as-step-name": /get: yes/,
  "decode-trigger-quoted-bool": /trigger: "true"/,
  "decode-check-every-not-string": /check_every/,
};

describe("validate-cases.yml", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(30));

  for (const c of cases) {
    it(`${c.name} (${c.expect.stage})`, () => {
      const { diagnostics, config } = lintYaml(c.pipeline, { file: "pipeline.yml" });
      // contrail's own rules and the resource catalogue's are tested elsewhere; here only Concourse's verdict counts.
      const concourse = diagnostics.filter((d) => RULES[d.code]?.origin !== "contrail" && RULES[d.code]?.origin !== "resource");
      const errors = concourse.filter((d) => d.severity === "error");
      const warnings = concourse.filter((d) => d.severity === "warning");
      expect(warnings.map((d) => d.message).sort()).toEqual([...(c.expect.warnings ?? [])].sort());
      expect(errors.map((d) => loose(d.message)).sort()).toEqual(c.expect.errors.map(loose).sort());
      for (const d of diagnostics) {
        expect(d.file).toBe("pipeline.yml");
        expect(d.line).toBeGreaterThan(0);
        expect(d.column).toBeGreaterThan(0);
      }
      if (c.expect.stage === "validate") expect(config).toBeDefined();
      else {
        expect(config).toBeUndefined();
        const needle = OFFENDING[c.name];
        expect(needle, `no offending line known for ${c.name}`).toBeDefined();
        if (needle) expect(errors[0]?.line).toBe(lineOf(c.pipeline, needle));
        if (c.expect.stage === "decode") expect(errors[0]?.message.startsWith(DECODE_PREFIX)).toBe(true);
      }
    });
  }
});
