/** A pipeline.ts can set the task files itself: renderPipeline checks file tasks against them. */
import { describe, expect, it } from "vitest";
import { GitResource, Job, Pipeline, Task } from "../../../packages/sdk/src/index.ts";
import { taskFileSource } from "../../../packages/sdk/src/lint/index.ts";
import { renderPipeline } from "../../../packages/sdk/src/render/render.ts";

const TASK = "platform: linux\ninputs: [{name: repo}, {name: other}]\noutputs: [{name: built}]\nparams: {A: x}\nrun: {path: sh}\n";

function pipeline(params: Record<string, string>) {
  const repo = new GitResource("repo", { source: { uri: "https://github.com/example/repo.git" } });
  const src = repo.get();
  const unit = new Task("unit", { file: src.file("ci/unit.yml"), params });
  return new Pipeline({ jobs: [new Job("test", { plan: [src, unit] })] });
}

const files = { "/w/repo/ci/unit.yml": TASK };
const source = () =>
  taskFileSource({
    artifacts: { repo: "/w/repo" },
    cwd: "/w",
    readFile: (p) => {
      const text = files[p as keyof typeof files];
      if (text === undefined) throw new Error("ENOENT");
      return text;
    },
    exists: (p) => p in files,
  });

describe("renderPipeline with taskFiles", () => {
  it("reports what the task file needs, located in the task file", () => {
    const result = renderPipeline(pipeline({ A: "1", B: "2" }), { taskFiles: source() });
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.path}`)).toEqual([
      "unknown-artifact repo/ci/unit.yml:2 jobs.test.plan[1].file.inputs[1]",
      "task-param-not-declared repo/ci/unit.yml:4 jobs.test.plan[1].params.B",
    ]);
    expect(result.text).toContain("file: repo/ci/unit.yml");
  });

  it("checks nothing of the file without a source", () => {
    expect(renderPipeline(pipeline({ B: "2" })).diagnostics).toEqual([]);
  });
});
