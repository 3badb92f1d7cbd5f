import { describe, expect, it } from "vitest";
import { matchesGlob } from "../../../packages/sdk/src/graph/glob.ts";

describe("group job globs", () => {
  it.each([
    ["*", "anything", true],
    ["build-*", "build-x", true],
    ["build-*", "test-build-x", false],
    ["test-?", "test-1", true],
    ["test-?", "test-12", false],
    ["[a-c]-job", "b-job", true],
    ["[a-c]-job", "d-job", false],
    ["[!a-c]-job", "d-job", true],
    ["{deploy,smoke}-*", "smoke-tests", true],
    ["{deploy,smoke}-*", "unit-tests", false],
    ["{a,b{1,2}}", "b2", true],
    ["a.b", "axb", false],
    ["exact", "exact", true],
    ["exact", "exactly", false],
    ["\\*", "*", true],
    ["\\*", "x", false],
  ])("%s matches %s: %s", (pattern, name, expected) => {
    expect(matchesGlob(pattern, name)).toBe(expected);
  });
});
