/** A task file on its own: Concourse's run-time checks, located in the file. */
import { describe, expect, it } from "vitest";
import { lintTaskFile } from "../../../packages/sdk/src/task-file/index.ts";

const GOOD = `platform: linux
image_resource: {type: registry-image, source: {repository: golang}}
inputs:
- name: repo
outputs:
- name: built
params:
  LEVEL: 1.10
run:
  path: repo/ci/test.sh
  args: ["((suite))", "((.:local))", "((vault:secret))"]
`;

const codes = (text: string) =>
  lintTaskFile(text, { file: "t.yml" }).diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`);

describe("lintTaskFile", () => {
  it("accepts a valid task file and decodes it as Concourse does", () => {
    const r = lintTaskFile(GOOD, { file: "t.yml" });
    expect(r.diagnostics).toEqual([]);
    expect(r.config?.platform).toBe("linux");
    expect(r.config?.inputs?.map((i) => i.name)).toEqual(["repo"]);
    // Only vars the step's `vars:` can give: not local vars, not var-source references.
    expect(r.vars.map((v) => v.name)).toEqual(["suite"]);
  });

  it("reports every unknown top-level key at the first, in Go's %v form", () => {
    expect(codes(GOOD.replace("outputs:", "ouputs:").replace("params:", "parms:"))).toEqual([
      "unknown-fields@5:1 unknown fields: [ouputs parms]",
    ]);
  });

  it("requires a platform and names on inputs and outputs", () => {
    expect(codes(GOOD.replace("platform: linux\n", "").replace("- name: built", "- path: built"))).toEqual([
      "invalid-task-config@1:1 invalid task configuration: missing 'platform'",
      "invalid-task-config@5:3 invalid task configuration: output in position 0 is missing a name",
    ]);
  });

  it("gives Concourse's decode errors for limits, cache ttls and types", () => {
    expect(codes(`${GOOD}container_limits: {cpu: two}\n`)).toEqual([
      "decode-error@12:25 error unmarshaling JSON: while decoding JSON: cpu limit must be an integer",
    ]);
    expect(codes(`${GOOD}caches: [{path: c, ttl: 10ms}]\n`)).toEqual([
      "decode-error@12:25 error unmarshaling JSON: while decoding JSON: cache ttl must be at least 1s, got '10ms'",
    ]);
    expect(codes(GOOD.replace("inputs:\n- name: repo", "inputs: repo"))[0]).toContain(
      "json: cannot unmarshal string into Go struct field TaskConfig.inputs of type []atc.TaskInputConfig",
    );
  });

  it("coerces numbers in string fields, as decoding straight into atc.TaskConfig does", () => {
    expect(lintTaskFile("platform: linux\nrun: {path: 1}\n").config?.run?.path).toBe("1");
  });

  it("reports YAML problems in go-yaml v2's strict words", () => {
    expect(codes("platform: linux\nparams:\n  A: 1\n  A: 2\n")).toEqual([
      'yaml-duplicate-key@4:3 yaml: unmarshal errors: line 4: key "A" already set in map',
    ]);
  });
});
