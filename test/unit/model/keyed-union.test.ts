import { describe, expect, it } from "vitest";
import { Step } from "../../../packages/sdk/src/model/step.ts";

describe("Step schema", () => {
  it("accepts each kind of step", () => {
    for (const step of [
      { get: "repo", trigger: true },
      { put: "repo", params: { file: "x" } },
      { task: "unit", file: "ci/unit.yml" },
      { do: [{ get: "repo" }], on_failure: { task: "t", file: "f.yml" } },
      { in_parallel: [{ get: "a" }, { get: "b" }] },
      { try: { get: "repo" } },
      { load_var: "v", file: "x/v" },
      { set_pipeline: "self", file: "ci/pipeline.yml" },
    ]) {
      expect(Step.safeParse(step).success, JSON.stringify(step)).toBe(true);
    }
  });

  it("reports a task step's misspelt key as the task's own problem", () => {
    const result = Step.safeParse({ task: "unit", file: "ci/unit.yml", privilegd: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["privilegd"] })]);
  });

  it("checks nested steps with their own schema, with paths into them", () => {
    const result = Step.safeParse({ do: [{ get: "repo", trigger: "yes" }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["do", 0, "trigger"]);
  });

  it("refuses a mapping with no core step", () => {
    const result = Step.safeParse({ timeout: "1h" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("invalid_union");
  });
});
