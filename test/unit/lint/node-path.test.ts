/** Decode errors carry the path of the offending node, named like every other path. */
import { describe, expect, it } from "vitest";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";

describe("paths of decode errors", () => {
  it("names jobs and indexes plan items", () => {
    const text = "resources:\n- name: r\n  type: git\njobs:\n- name: build\n  plan:\n  - get: r\n    trigger: yes-please\n";
    const [d] = lintYaml(text).diagnostics;
    expect(d).toMatchObject({ code: "decode-error", path: "jobs.build.plan[0].trigger", line: 8 });
  });

  it("points at a step mapping as the step", () => {
    const text = "jobs:\n- name: build\n  plan:\n  - bogus: thing\n";
    const [d] = lintYaml(text).diagnostics;
    expect(d).toMatchObject({ code: "decode-error", path: "jobs.build.plan[0]", line: 4 });
  });
});
