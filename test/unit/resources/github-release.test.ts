import { describe, expect, it } from "vitest";
import { GithubReleaseResource } from "../../../packages/sdk/src/index.ts";
import { e, table } from "./_helpers.ts";

describe("github-release: documented examples", () => {
  table("github-release", [
    ["a public repository", "source", { owner: "concourse", repository: "concourse" }, []],
    [
      "pre-releases ordered by time",
      "source",
      { owner: "o", repository: "r", access_token: "((t))", pre_release: true, order_by: "time", tag_filter: "^release-(.*)$" },
      [],
    ],
    ["a get with globs and the source tarball", "get", { globs: ["*.tgz"], include_source_tarball: true }, []],
    ["a put", "put", { name: "release/name", tag: "release/tag", body: "release/notes.md", globs: ["dist/*"] }, []],
    ["a pinned version by tag", "version", { tag: "v1.0.0" }, []],
  ]);
});

describe("github-release: rules", () => {
  table("github-release", [
    ["owner is required", "source", { repository: "r" }, [e("resource-missing-field", "owner")]],
    ["repository is required", "source", { owner: "o" }, [e("resource-missing-field", "repository")]],
    ["user is deprecated", "source", { user: "o", repository: "r" }, [e("github-release-user-deprecated", "user", "warning")]],
    ["a wrong order_by", "source", { owner: "o", repository: "r", order_by: "date" }, [e("resource-invalid-value", "order_by")]],
    ["put needs name and tag", "put", { globs: ["a"] }, [e("resource-missing-field", "name"), e("resource-missing-field", "tag")]],
    ["globs must be a list", "get", { globs: "*.tgz" }, [e("resource-wrong-type", "globs")]],
  ]);

  it("gives handles to tag, version, body and commit_sha", () => {
    const get = new GithubReleaseResource("gh", { source: { owner: "o", repository: "r" } }).get();
    expect([get.files.tag, get.files.version, get.files.body, get.files.commitSha].map(String)).toEqual([
      "gh/tag",
      "gh/version",
      "gh/body",
      "gh/commit_sha",
    ]);
  });
});
