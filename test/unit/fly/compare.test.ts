/**
 * Comparing pipelines in meaning: what Concourse treats as the same, and what it does not.
 */
import { describe, expect, it } from "vitest";
import { comparePipelines, formatChanges, goDurationString, readPipelineYaml } from "../../../packages/sdk/src/diff/index.ts";

function changes(current: string, desired: string) {
  return comparePipelines(readPipelineYaml(current, "current"), readPipelineYaml(desired, "desired"));
}

const BASE = `resources:
- name: repo
  type: git
  check_every: 1h
  source: {uri: "https://x", branch: main}
jobs:
- name: a
  plan:
  - in_parallel: [{get: repo, trigger: true}]
  - task: t
    config:
      platform: linux
      params: {N: "1"}
      run: {path: "true"}
`;

describe("comparePipelines", () => {
  it("ignores what Concourse's round trip changes: order, quoting, omitted defaults, in_parallel form, durations", () => {
    const same = `jobs:
- plan:
  - in_parallel:
      steps:
      - trigger: yes
        get: "repo"
  - config:
      run: {path: "true"}
      params: {N: 1}
      platform: linux
    task: t
    privileged: false
  name: a
  public: false
resources:
- type: git
  name: repo
  check_every: 1h0m0s
  source: {branch: "main", uri: "https://x"}
`;
    expect(changes(same, BASE)).toEqual([]);
  });

  it("sees a change in free-form source values, even false and empty ones", () => {
    const out = changes(BASE.replace("branch: main", "branch: main, private: false"), BASE);
    expect(out.map((c) => `${c.change} ${c.kind} ${c.name}`)).toEqual(["~ resource repo"]);
    expect(out[0]?.lines).toContain("-  private: false");
  });

  it("plan order matters; entity order does not", () => {
    const twoJobs = `${BASE}- name: z\n  plan: [{get: repo}, {task: u, file: repo/u.yml}]\n`;
    const jobsSwapped = `${BASE.replace("jobs:\n", "jobs:\n- name: z\n  plan: [{get: repo}, {task: u, file: repo/u.yml}]\n")}`;
    expect(changes(jobsSwapped, twoJobs)).toEqual([]);
    const stepsSwapped = `${BASE}- name: z\n  plan: [{task: u, file: repo/u.yml}, {get: repo}]\n`;
    expect(changes(stepsSwapped, twoJobs).map((c) => `${c.change} ${c.kind} ${c.name}`)).toEqual(["~ job z"]);
  });

  it("formats changes grouped by entity", () => {
    const text = formatChanges(changes(BASE.replace("name: a", "name: b"), BASE));
    expect(text).toBe(
      "+ job a\n- job b\n\n2 differences (1 added, 1 removed); '+' is what 'sdk set' would add, '-' what it would remove.\n",
    );
    expect(formatChanges([])).toBe("no differences\n");
  });
});

describe("goDurationString", () => {
  it("formats like Go's time.Duration", () => {
    expect(goDurationString(15 * 60e9)).toBe("15m0s");
    expect(goDurationString(3600e9 + 30 * 60e9)).toBe("1h30m0s");
    expect(goDurationString(90e9)).toBe("1m30s");
    expect(goDurationString(1.5e9)).toBe("1.5s");
    expect(goDurationString(500e6)).toBe("500ms");
    expect(goDurationString(0)).toBe("0s");
  });
});
