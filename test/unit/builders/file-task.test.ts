import { describe, expect, it } from "vitest";
import { FileTask, GitResource, inParallel, Job, Pipeline, RegistryImage, Task } from "../../../packages/sdk/src/index.ts";
import { buildTask } from "../../helpers/declared-tasks.ts";

const repo = () => new GitResource("repo", { source: { uri: "https://example.com/repo.git" } });
const build = buildTask;

function codes(pipeline: Pipeline) {
  return pipeline.synth().diagnostics.map((d) => ({ code: d.code, path: d.path, severity: d.severity }));
}

describe("FileTask", () => {
  it("renders file, params, vars and the input_mapping derived from the handles", () => {
    const src = repo().get();
    const task = new FileTask("build", build, {
      from: src,
      inputs: { source: src },
      params: { TOKEN: "((token))" },
      vars: { version: "1.0" },
      outputMapping: { built: "app" },
    });
    const { config, diagnostics, fileTasks } = new Pipeline({ jobs: [new Job("j", { plan: [src, task] })] }).synth();
    expect(diagnostics).toEqual([]);
    expect(config.jobs?.[0]?.plan?.[1]).toEqual({
      task: "build",
      file: "repo/ci/tasks/build.yml",
      params: { TOKEN: "((token))" },
      vars: { version: "1.0" },
      input_mapping: { source: "repo" },
      output_mapping: { built: "app" },
    });
    expect(fileTasks.map((use) => [use.artifactName, use.path, use.declaration])).toEqual([["repo", ["jobs", "j", "plan", 1], build]]);
  });

  it("maps nothing when the artifact already has the input's name", () => {
    const source = new GitResource("source", { source: { uri: "https://example.com/s.git" } }).get();
    const task = new FileTask("build", build, { from: source, inputs: { source }, params: { TOKEN: "t" } });
    const { config } = new Pipeline({ jobs: [new Job("j", { plan: [source, task] })] }).synth();
    expect(config.jobs?.[0]?.plan?.[1]).toEqual({ task: "build", file: "source/ci/tasks/build.yml", params: { TOKEN: "t" } });
  });

  it("checks the inputs' flow like an inline task's, at the input_mapping entry", () => {
    const src = repo().get();
    const other = new Task("make", { outputs: ["made"], run: { path: "true" } });
    const task = new FileTask("build", build, { from: src, inputs: { source: other.outputs.made }, params: { TOKEN: "t" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [src, task] })] }))).toEqual([
      { code: "artifact-not-produced", path: "jobs.j.plan[1].input_mapping.source", severity: "error" },
    ]);
  });

  it("accepts a missing optional input, as Concourse does", () => {
    const src = repo().get();
    const other = new Task("make", { outputs: ["made"], run: { path: "true" } });
    const task = new FileTask("build", build, { from: src, inputs: { source: src, cache: other.outputs.made }, params: { TOKEN: "t" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [src, task] })] }))).toEqual([]);
  });

  it("reports a task file read from an artifact not yet produced", () => {
    const src = repo().get();
    const task = new FileTask("build", build, { from: src, inputs: { source: src }, params: { TOKEN: "t" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [inParallel(src, task)] })] }))).toEqual([
      { code: "artifact-not-produced", path: "jobs.j.plan[0].in_parallel[1].file", severity: "error" },
      { code: "artifact-not-produced", path: "jobs.j.plan[0].in_parallel[1].input_mapping.source", severity: "error" },
    ]);
  });

  it("makes its outputs handles for later steps, checked in order", () => {
    const src = repo().get();
    const task = new FileTask("build", build, {
      from: src,
      inputs: { source: src },
      params: { TOKEN: "t" },
      outputMapping: { built: "app" },
    });
    const image = new RegistryImage("image", { source: { repository: "x/y", tag: "latest" } });
    const put = image.put({ params: { image: task.outputs.built.file("image.tar") } });
    const good = new Pipeline({ jobs: [new Job("j", { plan: [src, task, put] })] });
    expect(codes(good)).toEqual([]);
    expect(good.synth().config.jobs?.[0]?.plan?.[2]).toMatchObject({ put: "image", params: { image: "app/image.tar" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [src, put, task] })] }))).toEqual([
      { code: "artifact-not-produced", path: "jobs.j.plan[1].params.image", severity: "error" },
    ]);
  });

  it("renders undeclaredParams beside the declared params", () => {
    const src = repo().get();
    const task = new FileTask("build", build, {
      from: src,
      inputs: { source: src },
      params: { TOKEN: "t" },
      undeclaredParams: { EXTRA: "x" },
    });
    const { config } = new Pipeline({ jobs: [new Job("j", { plan: [src, task] })] }).synth();
    expect(config.jobs?.[0]?.plan?.[1]).toMatchObject({ params: { EXTRA: "x", TOKEN: "t" } });
  });
});
