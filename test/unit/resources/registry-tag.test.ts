import { describe, expect, it } from "vitest";
import { Job, loadVar, Pipeline, RegistryTag } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

describe("registry-tag: documented examples", () => {
  table("registry-tag", [
    [
      "Docker Hub with semver",
      "source",
      { uri: "https://hub.docker.com/v2/repositories/library/ruby", pages: 3, regexp: "-alpine$", semver: { matcher: ">= 2.7" } },
      [],
    ],
    [
      "another registry with basic auth and sort",
      "source",
      { uri: "https://ghcr.io/v2/org/app", username: "u", password: "p", sort: { method: "numerical", reverse: true } },
      [],
    ],
    ["a version", "version", { tag: "3.3.0-alpine" }, []],
  ]);
});

describe("registry-tag: rules", () => {
  table("registry-tag", [
    ["uri is required", "source", { pages: 1 }, [e("resource-missing-field", "uri")]],
    [
      "sort.method and semver.matcher",
      "source",
      { uri: "u", semver: { matcher: "~1" }, sort: { method: "alphabetical" } },
      [e("registry-tag-sort-and-semver", "sort.method")],
    ],
    [
      "basic auth on Docker Hub",
      "source",
      { uri: "https://hub.docker.com/v2/repositories/library/ruby", username: "u" },
      [e("registry-tag-basic-auth-docker-hub", "username")],
    ],
    ["pages ≥ 1", "source", { uri: "u", pages: 0 }, [e("resource-invalid-value", "pages")]],
    ["a wrong sort method", "source", { uri: "u", sort: { method: "random" } }, [e("resource-invalid-value", "sort.method")]],
    [
      "an unknown key is only a warning (the resource ignores it)",
      "source",
      { uri: "u", page: 2 },
      [e("resource-unknown-field", "page", "warning")],
    ],
    ["there are no get params", "get", { tag: "x" }, [e("resource-unknown-field", "tag", "warning")]],
    ["a put is not supported", "put", {}, [e("resource-put-not-supported", "")]],
  ]);

  it("has no put(), and its tag file loads without a string path", () => {
    const tags = new RegistryTag("tags", { source: { uri: "https://hub.docker.com/v2/repositories/library/ruby" } });
    expect("put" in tags).toBe(false);
    const tag = tags.get();
    const version = loadVar("v", tag.files.tag);
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [tag, version] })] }))).toEqual([]);
    expect(String(tag.files.digest)).toBe("tags/digest");
  });
});
