/** Concourse's step detection, on keys and through the decoder's messages. */
import { describe, expect, it } from "vitest";
import { DECODE_PREFIX, lintYaml } from "../../../packages/sdk/src/lint/index.ts";
import { detectStep } from "../../../packages/sdk/src/lint/step-kinds.ts";

const step = (yaml: string) =>
  lintYaml(`resources:\n- name: r\n  type: git\njobs:\n- name: j\n  plan:\n  - ${yaml.replace(/\n/g, "\n    ")}\n`, {}).diagnostics.filter(
    (d) => d.severity === "error",
  );

describe("detectStep", () => {
  it("lets the earlier core key win and reports the other as unknown", () => {
    expect(detectStep(["put", "get"])).toEqual({ core: "put", wrappers: [], unknown: ["get"] });
    expect(detectStep(["get", "task", "file"])).toEqual({ core: "task", wrappers: [], unknown: ["get"] });
  });

  it("collects wrappers in precedence order", () => {
    expect(detectStep(["do", "timeout", "attempts", "ensure", "across"])).toEqual({
      core: "do",
      wrappers: ["ensure", "across", "attempts", "timeout"],
      unknown: [],
    });
  });

  it("treats timeout on get/put/task/run as a field, and tags on load_var as unknown", () => {
    expect(detectStep(["get", "timeout"]).wrappers).toEqual([]);
    expect(detectStep(["load_var", "file", "tags"]).unknown).toEqual(["tags"]);
  });

  it("answers by the keys and their order, also past the memo's bound and for each Concourse version", () => {
    // More distinct key sets than the memo keeps: each still gets its own answer.
    for (let i = 0; i < 25_000; i++) {
      expect(detectStep(["get", `extra_${i}`]).unknown).toEqual([`extra_${i}`]);
    }
    expect(detectStep(["get", "trigger"])).toEqual({ core: "get", wrappers: [], unknown: [] });
    expect(detectStep(["trigger", "get", "zz"]).unknown).toEqual(["zz"]);
    expect(detectStep(["do", "tags"], { major: 8, minor: 2, patch: 0 }).unknown).toEqual(["tags"]);
    expect(detectStep(["do", "tags"]).unknown).toEqual([]);
  });

  it("finds no core step", () => {
    expect(detectStep(["foo"]).core).toBeUndefined();
    expect(detectStep(["attempts"])).toEqual({ core: undefined, wrappers: ["attempts"], unknown: [] });
  });
});

describe("step decoding", () => {
  it("gives Concourse's detection errors at the step", () => {
    expect(step("foo: bar").map((d) => [d.message, d.line])).toEqual([[`${DECODE_PREFIX}no step configured`, 7]]);
    expect(step("attempts: 2").map((d) => d.message)).toEqual([`${DECODE_PREFIX}no core step type declared (e.g. get, put, task, etc.)`]);
  });

  it("wraps nested errors with each detector key", () => {
    const [d] = step("in_parallel:\n- try:\n    get: r\n    trigger: 'yes'");
    expect(d?.message).toBe(
      `${DECODE_PREFIX}malformed in_parallel step: failed to unmarshal parallel steps: malformed try step: malformed get step: json: cannot unmarshal string into Go struct field GetStep.trigger of type bool`,
    );
    expect(d?.line).toBe(10);
  });

  it("validates the timeout modifier only where it is one", () => {
    expect(step("get: r\ntimeout: nope")).toEqual([]);
    expect(step("do: [{get: r}]\ntimeout: nope").map((d) => d.message)).toEqual(["jobs.j.plan.do[0].timeout: invalid duration 'nope'"]);
  });

  it("reports two core keys as unknown fields", () => {
    expect(step("put: r\nget: r").map((d) => d.message)).toEqual(['jobs.j.plan.do[0]: unknown fields ["get"]']);
  });

  it("reports custom type errors", () => {
    expect(step("get: r\nversion: {ref: 123}").map((d) => d.message)).toEqual([
      `${DECODE_PREFIX}malformed get step: the value 123 of ref is not a string`,
    ]);
    expect(step("put: r\ninputs: [1]").map((d) => d.message)).toEqual([`${DECODE_PREFIX}malformed put step: non-string put input: 1`]);
    expect(step("get: r\nacross: [{var: x, values: [1], max_in_flight: some}]").map((d) => d.message)).toEqual([
      `${DECODE_PREFIX}malformed across step: invalid max_in_flight "some"`,
    ]);
  });

  it("coerces plain-struct strings but not step strings", () => {
    expect(lintYaml("jobs:\n- name: 123\n  plan: []\n", {}).diagnostics.map((d) => d.message)).toEqual([
      "jobs.123: '123' is not a valid identifier: cannot be just numbers",
    ]);
    expect(
      lintYaml("resources:\n- name: r\n  type: git\n  Check_Every: 1x\njobs:\n- name: j\n  plan: [{get: r}]\n", {}).diagnostics.map(
        (d) => d.message,
      ),
    ).toEqual([`${DECODE_PREFIX}time: unknown unit "x" in duration "1x"`]);
  });
});
