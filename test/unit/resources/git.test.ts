import { describe, expect, it } from "vitest";
import { GitResource, Job, Pipeline } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

describe("git: documented examples", () => {
  table("git", [
    ["a branch over https", "source", { uri: "https://github.com/concourse/git-resource.git", branch: "master" }, []],
    [
      "ssh with a key and paths",
      "source",
      {
        uri: "git@github.com:concourse/git-resource.git",
        branch: "master",
        private_key: "((key))",
        paths: ["assets"],
        ignore_paths: ["docs"],
      },
      [],
    ],
    ["tags by regex", "source", { uri: "x", tag_regex: "v[0-9]+", tag_behaviour: "match_tag_ancestors" }, []],
    ["submodules as a list, depth", "get", { depth: 1, submodules: ["lib/a"], submodule_recursive: false }, []],
    ["submodules none", "get", { submodules: "none" }, []],
    ["a rebase push", "put", { repository: "repo", rebase: true, rebase_strategy_option: ["theirs"] }, [], { uri: "x", branch: "main" }],
    ["a tag-only push", "put", { repository: "repo", tag: "version/tag", only_tag: true }, [], { uri: "x" }],
    ["a push with params.branch", "put", { repository: "repo", branch: "feature" }, [], { uri: "x" }],
    ["a version under tag filters", "version", { ref: "v1.0.0", commit: "abc" }, []],
  ]);
});

describe("git: rules", () => {
  table("git", [
    ["uri is required", "source", { branch: "main" }, [e("resource-missing-field", "uri")]],
    ["tag_filter and tag_regex", "source", { uri: "x", tag_filter: "v*", tag_regex: "v.*" }, [e("git-tag-filter-and-regex", "tag_regex")]],
    [
      "tag_behaviour is an enum (British)",
      "source",
      { uri: "x", tag_behavior: "match_tagged" },
      [e("resource-unknown-field", "tag_behavior")],
    ],
    ["a wrong tag_behaviour", "source", { uri: "x", tag_behaviour: "match_all" }, [e("resource-invalid-value", "tag_behaviour")]],
    ["version_depth is an integer ≥ 1", "source", { uri: "x", version_depth: 0 }, [e("resource-invalid-value", "version_depth")]],
    [
      "a nested unknown key",
      "source",
      { uri: "x", https_tunnel: { proxy_host: "h", proxy_port: 3128, proxy_pass: "p" } },
      [e("resource-unknown-field", "https_tunnel.proxy_pass")],
    ],
    ["submodules as a wrong string", "get", { submodules: "some" }, [e("resource-invalid-value", "submodules")]],
    ["an unknown get param (strict since v1.21)", "get", { dept: 1 }, [e("resource-unknown-field", "dept")]],
    ["put needs repository", "put", { rebase: true }, [e("resource-missing-field", "repository")], { uri: "x", branch: "main" }],
    [
      "merge and rebase",
      "put",
      { repository: "r", merge: true, rebase: true },
      [e("git-merge-and-rebase", "rebase")],
      { uri: "x", branch: "main" },
    ],
    [
      "returning without merge",
      "put",
      { repository: "r", returning: "unmerged" },
      [e("git-returning-without-merge", "returning", "warning")],
      { uri: "x", branch: "m" },
    ],
    ["put without any branch", "put", { repository: "r" }, [e("git-put-needs-branch", "branch")], { uri: "x" }],
  ]);

  it("accepts a ((var)) where a boolean or number goes", () => {
    expect(
      new Pipeline({
        jobs: [
          new Job("j", {
            plan: [new GitResource("r", { source: { uri: "x", version_depth: "((depth))", skip_ssl_verification: "((skip))" } }).get()],
          }),
        ],
      }).synth().diagnostics,
    ).toEqual([]);
  });

  it("reports at render, at the field's path", () => {
    const repo = new GitResource("my-repo", { source: { uri: "x", branch: "main", tag_filter: "v*", tag_regex: "v.*" } });
    const src = repo.get({ params: { depth: 1 } });
    const push = repo.put({ params: { repository: src, merge: true, rebase: true } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [src, push] })] }))).toEqual([
      e("git-merge-and-rebase", "jobs.j.plan[1].params.rebase"),
      e("git-tag-filter-and-regex", "resources.my-repo.source.tag_regex"),
    ]);
  });

  it("checks put get_params and a pinned version", () => {
    const repo = new GitResource("r", { source: { uri: "x", branch: "main" }, version: { sha: "abc" } });
    const push = repo.put({ params: { repository: "r" }, getParams: { depth: "1" as unknown as number } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [push] })] }))).toEqual([
      e("resource-wrong-type", "jobs.j.plan[0].get_params.depth"),
      e("resource-missing-field", "resources.r.version.ref"),
      e("resource-unknown-field", "resources.r.version.sha"),
    ]);
  });

  it("gives typed handles to the files a get writes", () => {
    const src = new GitResource("repo", { source: { uri: "x" } }).get();
    expect(String(src.files.shortRef)).toBe("repo/.git/short_ref");
    expect(String(src.files.commitMessage)).toBe("repo/.git/commit_message");
  });
});
