import { describe, expect, it } from "vitest";
import { goPathMatch, goPathMatches } from "../../../packages/sdk/src/lint/validate/glob.ts";

describe("goPathMatches", () => {
  const jobs = ["build", "test", "deploy-eu", "deploy-us", "test"];

  it("looks a plain name up, keeping repeats as the scan did", () => {
    expect(goPathMatches("test", jobs)).toEqual(["test", "test"]);
    expect(goPathMatches("build", jobs)).toEqual(["build"]);
    expect(goPathMatches("missing", jobs)).toEqual([]);
  });

  it("matches a pattern against every name, in list order", () => {
    expect(goPathMatches("deploy-*", jobs)).toEqual(["deploy-eu", "deploy-us"]);
    expect(goPathMatches("t?st", jobs)).toEqual(["test", "test"]);
    expect(goPathMatches("deploy-[e]u", jobs)).toEqual(["deploy-eu"]);
  });

  it("agrees with path.Match for escapes and malformed patterns", () => {
    expect(goPathMatches("\\build", jobs)).toEqual(jobs.filter((j) => goPathMatch("\\build", j)));
    expect(goPathMatches("[", jobs)).toEqual([]);
  });

  it("stays linear: 20,000 plain names against 20,000 jobs", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `job-${i}`);
    let found = 0;
    for (const name of many) found += goPathMatches(name, many).length;
    expect(found).toBe(20_000);
  });
});
