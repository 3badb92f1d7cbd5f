/** The file handles of a get or put (`repo.files.ref`): made when first asked for, the same each time. */
import { describe, expect, it } from "vitest";
import { GitResource, Job, Pipeline, renderPipeline, Task } from "../../../packages/sdk/src/index.ts";

describe("a get's file handles", () => {
  it("are the same handles on every read, and render as paths in the get's artifact", () => {
    const repo = new GitResource("repo", { source: { uri: "https://example.com/repo.git" } });
    const get = repo.get({ as: "src" });
    expect(get.files.ref).toBe(get.files.ref);
    expect(Object.keys(get.files)).toContain("commitMessage");
    const task = new Task("show", {
      image: { repository: "alpine" },
      inputs: [get],
      params: { REF: get.files.ref, MESSAGE: get.files.commitMessage, DEEP: get.file("./ci/./x") },
      run: { path: "true" },
    });
    const { config, diagnostics } = renderPipeline(new Pipeline({ jobs: [new Job("j", { plan: [get, task] })] }));
    expect(diagnostics).toEqual([]);
    const step = config.jobs?.[0]?.plan?.[1] as { config: { params: Record<string, string> } } | undefined;
    expect(step?.config.params).toEqual({ REF: "src/.git/ref", MESSAGE: "src/.git/commit_message", DEEP: "src/ci/./x" });
  });
});
