import { describe, expect, it } from "vitest";
import { checkResourceConfig, RESOURCE_SPECS } from "../../../packages/sdk/src/index.ts";
import { check, e } from "./_helpers.ts";

describe("checkResourceConfig", () => {
  it("covers every typed resource", () => {
    expect([...RESOURCE_SPECS.keys()].sort()).toEqual([
      "bosh-io-release",
      "bosh-io-stemcell",
      "docker-image",
      "git",
      "github-release",
      "mock",
      "pool",
      "registry-image",
      "registry-tag",
      "s3",
      "semver",
      "time",
    ]);
  });

  it("knows nothing of other types", () => {
    expect(checkResourceConfig("hg", "source", { nonsense: 1 })).toEqual([]);
  });

  it("accepts a whole ((var)) wherever the field is not a string", () => {
    expect(check("git", "source", { uri: "x", version_depth: "((depth))", paths: "((paths))", https_tunnel: "((tunnel))" })).toEqual([]);
    expect(check("registry-image", "get", { format: "((format))", skip_download: "((skip))" })).toEqual([]);
  });

  it("reads a null field as not set, as the resources' JSON decoding does", () => {
    expect(check("time", "source", { start: null, stop: null, interval: "1h" })).toEqual([]);
    expect(check("registry-image", "source", { repository: "r", tag: null, username: null })).toEqual([]);
    expect(check("git", "source", { uri: "x", branch: null, depth: null, paths: null })).toEqual([]);
    expect(check("bosh-io-release", "source", { repository: "r", release_version: null })).toEqual([]);
    expect(check("s3", "get", { skip_download: null })).toEqual([]);
    expect(
      check("registry-image", "put", { image: "i/image.tar", additional_tags: null }, { repository: "r", tag: "v1", password: null }),
    ).toEqual([]);
  });

  it("reads a required field set to null as missing", () => {
    expect(check("git", "source", { uri: null })).toEqual([e("resource-missing-field", "uri")]);
  });

  it("does not accept a string that merely contains a var", () => {
    expect(check("git", "source", { uri: "x", version_depth: "((a))((b))" })).toEqual([e("resource-wrong-type", "version_depth")]);
  });

  it("reports unknown keys as errors for strict resources, warnings for the others", () => {
    expect(check("git", "source", { uri: "x", brnch: "m" })).toEqual([e("resource-unknown-field", "brnch")]);
    expect(check("mock", "get", { x: 1 })).toEqual([e("resource-unknown-field", "x")]);
    expect(check("time", "source", { x: 1 })).toEqual([e("resource-unknown-field", "x", "warning")]);
    expect(check("pool", "source", { uri: "u", branch: "b", pool: "p", x: 1 })).toEqual([e("resource-unknown-field", "x", "warning")]);
  });

  it("uses the resource's source for put rules", () => {
    expect(check("git", "put", { repository: "r" }, { uri: "x", branch: "main" })).toEqual([]);
    expect(check("git", "put", { repository: "r" }, { uri: "x" })).toEqual([e("git-put-needs-branch", "branch")]);
  });

  it("explains problems with the README link", () => {
    const [problem] = checkResourceConfig("s3", "get", { skip_download: true });
    expect(problem?.message).toContain('"true"');
    const [missing] = checkResourceConfig("git", "source", {});
    expect(missing?.hint).toContain("https://github.com/concourse/git-resource");
  });
});

describe("a map or list where a string belongs", () => {
  it("is reported with a fix that fits it, also for a map without a prototype", () => {
    for (const tag of [Object.create(null), { a: 1 }, ["x"]]) {
      const problems = checkResourceConfig("registry-image", "source", { repository: "x/y", tag });
      const problem = problems.find((p) => p.code === "registry-image-tag-not-string");
      expect(problem?.hint).toBe("Give a string instead.");
    }
    const time = checkResourceConfig("time", "source", { start: Object.create(null), stop: "20:00" });
    expect(time.find((p) => p.code === "time-not-string")?.message).toBe(
      "'start' must be a string, not an object: the resource decodes a string",
    );
  });

  it("is quoted for a number", () => {
    const problems = checkResourceConfig("registry-image", "source", { repository: "x/y", tag: 3.1 });
    expect(problems.find((p) => p.code === "registry-image-tag-not-string")?.hint).toBe('Quote it: "3.1".');
  });
});
