/**
 * Verdicts checked against Concourse's source (atc/configvalidate/validate.go and its
 * validate_test.go): where the `passed:` cycle is said to start, and the message for a
 * `display.background_image` that does not parse.
 */
import { describe, expect, it } from "vitest";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";

/** A pipeline whose jobs get one resource with the given `passed:` lists. */
function chain(passed: Record<string, string[]>): string {
  const lines = ["resources:", "- name: r", "  type: mock", "jobs:"];
  for (const [job, upstream] of Object.entries(passed)) {
    lines.push(`- name: ${job}`, "  plan:", "  - get: r");
    if (upstream.length > 0) lines.push(`    passed: [${upstream.join(", ")}]`);
  }
  return lines.join("\n");
}

const errors = (text: string, code: string) =>
  lintYaml(text, {})
    .diagnostics.filter((d) => d.code === code)
    .map((d) => `${d.path}: ${d.message}`);

describe("passed cycles, as detectCycle walks them", () => {
  it("names the job where the walk closes the cycle, not the job it started from", () => {
    expect(errors(chain({ a: ["b"], b: ["c"], c: ["b"] }), "passed-cycle")).toEqual([
      "jobs.b: pipeline contains a cycle that starts at Job 'b'",
    ]);
  });

  it("names the first job of a cycle met in job order", () => {
    // validate_test.go "cycle/multiple-jobs": some-job-1 -> some-job-2 -> some-job-1.
    expect(errors(chain({ "some-job-1": ["some-job-2"], "some-job-2": ["some-job-1"] }), "passed-cycle")).toEqual([
      "jobs.some-job-1: pipeline contains a cycle that starts at Job 'some-job-1'",
    ]);
  });

  it("reports a job passed through itself", () => {
    expect(errors(chain({ a: [], b: ["b"] }), "passed-cycle")).toEqual(["jobs.b: pipeline contains a cycle that starts at Job 'b'"]);
  });

  it("does not restart the walk at jobs already visited", () => {
    expect(errors(chain({ a: ["b", "c"], b: ["c"], c: [] }), "passed-cycle")).toEqual([]);
  });
});

describe("display.background_image", () => {
  const display = (url: string) =>
    errors(["jobs:", "- name: a", "  plan: []", "display:", `  background_image: ${JSON.stringify(url)}`].join("\n"), "invalid-display");

  it("prints the value as written when url.Parse fails (validate_test.go: '://example.com')", () => {
    expect(display("://example.com")).toEqual(["display.background_image: background_image is not a valid URL: ://example.com"]);
    expect(display("1a:b")).toEqual(["display.background_image: background_image is not a valid URL: 1a:b"]);
  });

  it("keeps the scheme message for URLs that parse", () => {
    expect(display("data:image/png;base64, iVBORw0KGgoA")).toEqual([
      "display.background_image: background_image scheme must be either http, https or relative",
    ]);
    expect(display("https://example.com/x.png")).toEqual([]);
    expect(display("/x.png")).toEqual([]);
  });
});
