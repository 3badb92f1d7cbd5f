/** Builder values resolved into the config: what cannot be written is reported at its own path. */
import { describe, expect, it } from "vitest";
import { GitResource, Job, Pipeline, renderPipeline, Task } from "../../../packages/sdk/src/index.ts";

describe("a value that cannot be written", () => {
  it("is reported at its own path inside the step's params, wherever it sits", () => {
    const repo = new GitResource("repo", { source: { uri: "https://example.com/repo.git" } });
    const task = new Task("t", {
      image: { repository: "alpine" },
      params: { OK: "x", DEEP: { list: [1, new Map(), Number.NaN] } as unknown as string },
      run: { path: "true" },
    });
    const { diagnostics } = renderPipeline(new Pipeline({ jobs: [new Job("j", { plan: [repo.get(), task] })] }));
    expect(diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      "unsupported-value jobs.j.plan[1].config.params.DEEP.list[1]",
      "unsupported-value jobs.j.plan[1].config.params.DEEP.list[2]",
    ]);
  });
});
