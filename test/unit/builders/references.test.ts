import { describe, expect, it } from "vitest";
import {
  acrossVar,
  doSteps,
  GitResource,
  inParallel,
  Job,
  loadVar,
  Pipeline,
  Resource,
  ResourceType,
  Task,
  tryStep,
} from "../../../packages/sdk/src/index.ts";

const repo = () => new GitResource("repo", { source: { uri: "https://example.com/repo.git" } });

function codes(pipeline: Pipeline) {
  return pipeline.synth().diagnostics.map((d) => ({ code: d.code, path: d.path, severity: d.severity }));
}

describe("artifact flow", () => {
  it("accepts an artifact produced earlier in the job", () => {
    const src = repo().get();
    const test = new Task("test", { inputs: [src], run: { path: "true" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [src, test] })] }))).toEqual([]);
  });

  it("reports an artifact used before the step that produces it", () => {
    const src = repo().get();
    const test = new Task("test", { inputs: [src], run: { path: "true" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [test, src] })] }))).toEqual([
      { code: "artifact-not-produced", path: "jobs.j.plan[0].config.inputs[0]", severity: "error" },
    ]);
  });

  it("reports an artifact whose producer is not in the job at all", () => {
    const src = repo().get();
    const build = new Task("build", { outputs: ["out"], run: { path: "true" } });
    const use = new Task("use", { inputs: [build.outputs.out], run: { path: "true" } });
    const diagnostics = codes(new Pipeline({ jobs: [new Job("a", { plan: [src, build] }), new Job("b", { plan: [use] })] }));
    expect(diagnostics).toEqual([{ code: "artifact-not-produced", path: "jobs.b.plan[0].config.inputs[0]", severity: "error" }]);
  });

  it("does not let steps of one in_parallel use each other's artifacts, but lets later steps", () => {
    const src = repo().get();
    const peer = new Task("peer", { inputs: [src], run: { path: "true" } });
    const after = new Task("after", { inputs: [src], run: { path: "true" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [inParallel(src, peer), after] })] }))).toEqual([
      { code: "artifact-not-produced", path: "jobs.j.plan[0].in_parallel[1].config.inputs[0]", severity: "error" },
    ]);
  });

  it("makes artifacts from do and try available afterwards, and to hooks", () => {
    const src = repo().get();
    const notify = new Task("notify", { inputs: [src], run: { path: "true" } });
    const build = new Task("build", { inputs: [src], run: { path: "true" }, onFailure: notify });
    const later = new Task("later", { inputs: [src], run: { path: "true" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [tryStep(doSteps(src)), build, later], ensure: notify })] }))).toEqual([]);
  });

  it("reports a put param naming an artifact that is not produced", () => {
    const build = new Task("build", { outputs: ["image"], run: { path: "true" } });
    const image = new Resource("image", { type: "registry-image", source: { repository: "x" } });
    const push = image.put({ params: { image: build.outputs.image.file("image.tar") } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [push, build] })] }))).toEqual([
      { code: "artifact-not-produced", path: "jobs.j.plan[0].params.image", severity: "error" },
    ]);
  });

  it("gives a put with no_get no artifact", () => {
    const image = new Resource("image", { type: "registry-image", source: { repository: "x" } });
    const push = image.put({ noGet: true });
    const use = new Task("use", { inputs: [push], run: { path: "true" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [push, use] })] })).map((d) => d.code)).toEqual(["artifact-not-produced"]);
  });

  it("renders output_mapping names for output handles", () => {
    const build = new Task("build", { outputs: ["out"], outputMapping: { out: "renamed" }, run: { path: "true" } });
    const use = new Task("use", { inputs: [build.outputs.out], run: { path: "true" } });
    const { config } = new Pipeline({ jobs: [new Job("j", { plan: [build, use] })] }).synth();
    expect(JSON.stringify(config.jobs[0]?.plan?.[1])).toContain('"inputs":[{"name":"renamed"}]');
  });
});

describe("local vars", () => {
  it("renders a load_var as ((.:name)) where it is in scope", () => {
    const src = repo().get();
    const version = loadVar("version", src.files.shortRef);
    const task = new Task("t", { params: { V: version, TEXT: `v-${version}` }, run: { path: "true" } });
    const { config, diagnostics } = new Pipeline({ jobs: [new Job("j", { plan: [src, version, task] })] }).synth();
    expect(diagnostics).toEqual([]);
    expect(config.jobs[0]?.plan?.[1]).toEqual({ load_var: "version", file: "repo/.git/short_ref" });
    expect(JSON.stringify(config.jobs[0]?.plan?.[2])).toContain('"params":{"V":"((.:version))","TEXT":"v-((.:version))"}');
  });

  it("reports a load_var used before it runs", () => {
    const src = repo().get();
    const version = loadVar("version", src.file("v"));
    const task = new Task("t", { params: { V: version }, run: { path: "true" } });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [src, task, version] })] }))).toEqual([
      { code: "local-var-out-of-scope", path: "jobs.j.plan[1].config.params.V", severity: "error" },
    ]);
  });

  it("scopes an across var to the step it modifies", () => {
    const ruby = acrossVar("ruby", ["3.2", "3.3"], { maxInFlight: 2 });
    const inside = new Task("inside", { across: [ruby], params: { RUBY: ruby }, run: { path: "true" } });
    const outside = new Task("outside", { params: { RUBY: ruby }, run: { path: "true" } });
    const pipeline = new Pipeline({ jobs: [new Job("j", { plan: [inside, outside] })] });
    expect(codes(pipeline)).toEqual([{ code: "local-var-out-of-scope", path: "jobs.j.plan[1].config.params.RUBY", severity: "error" }]);
    expect(pipeline.synth().config.jobs[0]?.plan?.[0]).toMatchObject({
      across: [{ var: "ruby", values: ["3.2", "3.3"], max_in_flight: 2 }],
    });
  });
});

describe("passed constraints", () => {
  it("renders passed: from Job objects", () => {
    const r = repo();
    const unit = new Job("unit", { plan: [r.get({ trigger: true })] });
    const ship = new Job("ship", { plan: [r.get({ trigger: true, passed: [unit] })] });
    const { config, diagnostics } = new Pipeline({ jobs: [unit, ship] }).synth();
    expect(diagnostics).toEqual([]);
    expect(config.jobs[1]?.plan?.[0]).toEqual({ get: "repo", passed: ["unit"], trigger: true });
  });

  it("reports a passed job that does not touch the resource", () => {
    const r = repo();
    const other = new Resource("other", { type: "time", source: { interval: "1h" } });
    const unit = new Job("unit", { plan: [other.get()] });
    const ship = new Job("ship", { plan: [r.get({ passed: [unit] })] });
    const diagnostics = new Pipeline({ jobs: [unit, ship] }).synth().diagnostics;
    expect(diagnostics).toMatchObject([
      {
        code: "passed-job-no-resource",
        path: "jobs.ship.plan[0].passed[0]",
        message: "job 'unit' does not interact with resource 'repo'",
      },
    ]);
  });

  it("reports a passed job missing from the pipeline", () => {
    const r = repo();
    const unit = new Job("unit", { plan: [r.get()] });
    const ship = new Job("ship", { plan: [r.get({ passed: [unit] })] });
    expect(codes(new Pipeline({ jobs: [ship] })).map((d) => d.code)).toEqual(["passed-job-not-in-pipeline"]);
  });

  it("reports a cycle of passed constraints", () => {
    const r = repo();
    // A plan given as a function may name a job declared further down.
    const a: Job = new Job("a", { plan: () => [r.get({ passed: [b] })] });
    const b: Job = new Job("b", { plan: [r.get({ passed: [a] })] });
    expect(new Pipeline({ jobs: [a, b] }).synth().diagnostics).toMatchObject([
      { code: "passed-cycle", message: "pipeline contains a cycle that starts at Job 'a'" },
    ]);
  });
});

describe("names", () => {
  it("reports two different resources under one name, and collects one resource used twice once", () => {
    const a = repo();
    const b = repo();
    const diagnostics = codes(new Pipeline({ jobs: [new Job("j", { plan: [a.get(), b.get({ as: "other" })] })] }));
    expect(diagnostics).toEqual([{ code: "duplicate-resource-name", path: "jobs.j.plan[1]", severity: "error" }]);
    const { config } = new Pipeline({ jobs: [new Job("j", { plan: [a.get()] }), new Job("k", { plan: [a.get()] })] }).synth();
    expect(config.resources).toHaveLength(1);
  });

  it("declares a resource type once however many resources use it", () => {
    const type = new ResourceType("custom", { type: "registry-image", source: { repository: "x/custom" } });
    const one = new Resource("one", { type, source: {} });
    const two = new Resource("two", { type, source: {} });
    const { config } = new Pipeline({ jobs: [new Job("j", { plan: [one.get(), two.get()] })] }).synth();
    expect(config.resource_types).toEqual([{ name: "custom", type: "registry-image", source: { repository: "x/custom" } }]);
  });

  it("reports two jobs with one name", () => {
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [] }), new Job("j", { plan: [] })] }))).toEqual([
      { code: "duplicate-job-name", path: "jobs[1]", severity: "error" },
    ]);
  });

  it("reports bad durations and attempts with their paths", () => {
    const t = new Task("t", { run: { path: "true" }, timeout: "ten minutes", attempts: 0 });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [t] })] }))).toEqual([
      { code: "invalid-attempts", path: "jobs.j.plan[0].attempts", severity: "error" },
      { code: "invalid-duration", path: "jobs.j.plan[0].timeout", severity: "error" },
    ]);
  });

  it("collects every problem instead of stopping at the first", () => {
    const src = repo().get();
    const t1 = new Task("t1", { inputs: [src], run: { path: "true" } });
    const t2 = new Task("t2", { inputs: [src], run: { path: "true" }, timeout: "x" });
    expect(codes(new Pipeline({ jobs: [new Job("j", { plan: [t1, t2] })] })).length).toBe(3);
  });
});

describe("task rendering", () => {
  it("puts container limits in the inline config, or on the step for a file task", () => {
    const src = repo().get();
    const inline = new Task("inline", { containerLimits: { cpu: 512 }, run: { path: "true" } });
    const fromFile = new Task("file", {
      file: src.file("ci/t.yml"),
      containerLimits: { memory: "1GB" },
      outputMapping: { out: "renamed" },
    });
    const { config } = new Pipeline({ jobs: [new Job("j", { plan: [src, inline, fromFile] })] }).synth();
    const [, a, b] = config.jobs[0]?.plan ?? [];
    expect(a).toMatchObject({ config: { container_limits: { cpu: 512 } } });
    expect(a).not.toHaveProperty("container_limits");
    expect(b).toEqual({ task: "file", file: "repo/ci/t.yml", output_mapping: { out: "renamed" }, container_limits: { memory: "1GB" } });
  });

  it("renders no empty step params", () => {
    const t = new Task("t", { run: { path: "true" }, stepParams: {} });
    const { config } = new Pipeline({ jobs: [new Job("j", { plan: [t] })] }).synth();
    expect(config.jobs[0]?.plan?.[0]).not.toHaveProperty("params");
  });
});
