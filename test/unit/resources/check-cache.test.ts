/**
 * The catalogue's checks are remembered per value (a render checks the same values many
 * times). The cache must never answer for a value the checks would judge differently.
 */
import { describe, expect, it } from "vitest";
import { checkResourceConfig } from "../../../packages/sdk/src/index.ts";

const codes = (type: string, kind: "source" | "get" | "put", value: unknown, source?: unknown) =>
  checkResourceConfig(type, kind, value, source === undefined ? {} : { source }).map((p) => `${p.code} ${p.path.join(".")}`);

describe("remembered resource checks", () => {
  it("gives the same answer for the same value, every time", () => {
    const bad = { uri: "https://example.com/r.git", tag_filter: "v*", tag_regex: "v.*" };
    const first = codes("git", "source", bad);
    expect(first).toContain("git-tag-filter-and-regex tag_regex");
    expect(codes("git", "source", { ...bad })).toEqual(first);
  });

  it("is not changed by a caller that changes the problems it got", () => {
    const value = { uri: "https://example.com/r.git", branch: 1 };
    const problems = checkResourceConfig("git", "source", value);
    expect(problems.length).toBeGreaterThan(0);
    problems.length = 0;
    expect(checkResourceConfig("git", "source", value).length).toBeGreaterThan(0);
  });

  it("answers alike for every empty object, and a caller changing one answer changes no other", () => {
    const first = checkResourceConfig("s3", "put", {});
    expect(first.map((p) => `${p.code} ${p.path.join(".")}`)).toEqual(["s3-put-needs-file file"]);
    first[0]?.path.push("changed");
    first.length = 0;
    expect(codes("s3", "put", {})).toEqual(["s3-put-needs-file file"]);
    // With a source, an empty put is judged with it (git's branch comes from the source).
    expect(codes("git", "put", {}, { uri: "https://example.com/r.git" })).not.toEqual(
      codes("git", "put", {}, { uri: "https://example.com/r.git", branch: "main" }),
    );
    // An empty object with a hidden field is not empty.
    expect(codes("s3", "put", Object.defineProperty({}, "file", { value: 1, enumerable: false }))).not.toEqual(codes("s3", "put", {}));
  });

  it("keeps apart values JSON writes alike: null, NaN, undefined in a list", () => {
    expect(codes("git", "source", { uri: "https://example.com/r.git", branch: null })).toEqual([]);
    expect(codes("git", "source", { uri: "https://example.com/r.git", branch: Number.NaN })).not.toEqual([]);
    expect(codes("git", "source", { uri: "https://example.com/r.git", paths: [null] })).not.toEqual(
      codes("git", "source", { uri: "https://example.com/r.git", paths: ["a"] }),
    );
  });

  it("judges a put with its resource's source, not another's", () => {
    const params = { repository: "repo" };
    const withBranch = codes("git", "put", params, { uri: "https://example.com/r.git", branch: "main" });
    const withoutBranch = codes("git", "put", params, { uri: "https://example.com/r.git" });
    expect(withBranch).not.toEqual(withoutBranch);
  });

  it("checks a value that cannot be cached (a Date) as before, and does not confuse it with its JSON", () => {
    expect(codes("git", "source", { uri: new Date(0) })).toEqual(["resource-wrong-type uri"]);
    expect(codes("git", "source", { uri: new Date(0).toJSON() })).toEqual([]);
  });
});
