import { describe, expect, it } from "vitest";
import blog from "../../../packages/examples/blog/pipeline.ts";
import { buildGraph, groupJobs, type PipelineGraph, UnknownGroupError } from "../../../packages/sdk/src/graph/model.ts";
import type { PipelineConfig } from "../../../packages/sdk/src/model/index.ts";
import { fixtureConfig } from "../../graph/corpus.ts";

/** Edges as `from -> to kind solid|dashed`, for readable assertions. */
function edges(graph: PipelineGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to} ${e.kind} ${e.trigger ? "solid" : "dashed"}`);
}

describe("buildGraph", () => {
  it("draws the blog: two triggering gets into the job, one put out of it", () => {
    const graph = buildGraph(blog.synth().config);
    expect(graph.nodes.map((n) => `${n.kind} ${n.id}`)).toEqual([
      "job job:build-my-repo",
      "resource out:build-my-repo:my-image",
      "resource in:build-my-repo:my-repo",
      "resource in:build-my-repo:ruby-img-tag",
    ]);
    expect(edges(graph)).toEqual([
      "job:build-my-repo -> out:build-my-repo:my-image put solid",
      "in:build-my-repo:my-repo -> job:build-my-repo get solid",
      "in:build-my-repo:ruby-img-tag -> job:build-my-repo get solid",
    ]);
    const repo = graph.nodes.find((n) => n.id === "in:build-my-repo:my-repo");
    expect(repo).toMatchObject({ kind: "resource", name: "my-repo", type: "git", side: "input" });
  });

  it("joins several passed: upstreams of one input in a junction node, with one edge from it into the job", () => {
    // As the issue asks, after Concourse's pre-v2 view (its "gateway" node, `gatewayNode` in
    // web/assets/js/graph.js); today's createGraph draws one edge per upstream instead.
    const config: PipelineConfig = {
      jobs: [
        { name: "a", plan: [{ get: "src", trigger: true }] },
        { name: "b", plan: [{ get: "src", trigger: true }] },
        { name: "c", plan: [{ get: "src", passed: ["a", "b"], trigger: true }] },
      ],
    };
    const graph = buildGraph(config);
    expect(graph.nodes.map((n) => n.id)).toEqual(["job:a", "job:b", "job:c", "junction:c:src", "out:a:src", "out:b:src", "in:a:src"]);
    expect(graph.nodes.find((n) => n.kind === "junction")).toEqual({
      kind: "junction",
      id: "junction:c:src",
      name: "src",
      job: "c",
      upstream: ["a", "b"],
    });
    expect(edges(graph).filter((e) => e.includes(":c"))).toEqual([
      "out:a:src -> junction:c:src passed solid",
      "out:b:src -> junction:c:src passed solid",
      "junction:c:src -> job:c passed solid",
    ]);
  });

  it("draws no junction for one passed: job, nor when a group leaves one upstream", () => {
    const config: PipelineConfig = {
      groups: [{ name: "ab", jobs: ["a", "c"] }],
      jobs: [
        { name: "a", plan: [{ get: "src", trigger: true }] },
        { name: "b", plan: [{ get: "src", trigger: true }] },
        { name: "c", plan: [{ get: "src", passed: ["a", "b"] }] },
      ],
    };
    const graph = buildGraph(config, { group: "ab" });
    expect(graph.nodes.some((n) => n.kind === "junction")).toBe(false);
    expect(edges(graph)).toContain("out:a:src -> job:c passed dashed");
  });

  it("draws passed: as upstream job -> resource -> downstream job, dashed when not triggering", () => {
    const graph = buildGraph(fixtureConfig("fan-out.yml"));
    expect(edges(graph)).toEqual([
      "job:build -> out:build:nightly pass solid",
      "out:build:nightly -> job:smoke passed dashed",
      "out:build:nightly -> job:ship passed solid",
      "in:build:nightly -> job:build get solid",
    ]);
  });

  it("finds gets and puts in in_parallel, do, try, across and hooks", () => {
    const config: PipelineConfig = {
      resources: [{ name: "r", type: "git" }],
      jobs: [
        {
          name: "a",
          plan: [
            { in_parallel: [{ get: "p1" }, { do: [{ get: "p2", trigger: true }] }] },
            { in_parallel: { steps: [{ try: { get: "p3" } }] } },
            { put: "out1", across: [{ var: "x", values: [1, 2] }], on_failure: { put: "alert" } },
            { task: "t", file: "t.yml", ensure: { do: [{ put: "cleanup" }] } },
          ],
          on_success: { put: "done", resource: "r" },
        },
      ],
    };
    expect(edges(buildGraph(config))).toEqual([
      "job:a -> out:a:out1 put solid",
      "job:a -> out:a:alert put solid",
      "job:a -> out:a:cleanup put solid",
      "job:a -> out:a:r put solid",
      "in:a:p1 -> job:a get dashed",
      "in:a:p2 -> job:a get solid",
      "in:a:p3 -> job:a get dashed",
    ]);
  });

  it("uses the upstream job's put box when it writes the resource, and shares inputs within a column", () => {
    const config: PipelineConfig = {
      jobs: [
        { name: "build", plan: [{ get: "src", trigger: true }, { put: "img" }] },
        { name: "lint", plan: [{ get: "src", trigger: true }] },
        { name: "deploy", plan: [{ get: "img", passed: ["build"], trigger: true }, { get: "src" }] },
      ],
    };
    expect(edges(buildGraph(config))).toEqual([
      "job:build -> out:build:img put solid",
      "out:build:img -> job:deploy passed solid",
      "in:build:src -> job:build get solid",
      "in:build:src -> job:lint get solid",
      "in:deploy:src -> job:deploy get dashed",
    ]);
  });

  it("keeps only a group's jobs (glob patterns) and the resources they touch", () => {
    const config: PipelineConfig = {
      groups: [
        { name: "builds", jobs: ["build-*"] },
        { name: "some", jobs: ["{deploy,build-[a-b]}", "test-?"] },
      ],
      jobs: [
        { name: "build-a", plan: [{ get: "src", trigger: true }, { put: "img-a" }] },
        { name: "build-c", plan: [{ get: "src", trigger: true }] },
        { name: "test-1", plan: [{ get: "img-a", passed: ["build-a"], trigger: true }] },
        { name: "test-12", plan: [{ get: "src" }] },
        { name: "deploy", plan: [{ get: "img-a", passed: ["build-a", "test-1"] }] },
      ],
    };
    expect(groupJobs(config, "builds")).toEqual(["build-a", "build-c"]);
    expect(groupJobs(config, "some")).toEqual(["build-a", "test-1", "deploy"]);
    const graph = buildGraph(config, { group: "builds" });
    expect(graph.nodes.filter((n) => n.kind === "job").map((n) => n.name)).toEqual(["build-a", "build-c"]);
    expect(edges(graph)).toEqual([
      "job:build-a -> out:build-a:img-a put solid",
      "in:build-a:src -> job:build-a get solid",
      "in:build-a:src -> job:build-c get solid",
    ]);
    const some = edges(buildGraph(config, { group: "some" }));
    expect(some).toContain("job:test-1 -> out:test-1:img-a pass solid");
    expect(some).toContain("out:test-1:img-a -> junction:deploy:img-a passed dashed");
    expect(some).toContain("junction:deploy:img-a -> job:deploy passed dashed");
    expect(some.some((e) => e.includes("build-c") || e.includes("test-12"))).toBe(false);
    // A passed: job outside the group leaves a plain input.
    const only: PipelineConfig = { ...config, groups: [{ name: "t", jobs: ["test-1"] }] };
    expect(edges(buildGraph(only, { group: "t" }))).toEqual(["in:test-1:img-a -> job:test-1 get solid"]);
  });

  it("throws a clear error for an unknown group", () => {
    expect(() => buildGraph({ jobs: [], groups: [{ name: "a" }] }, { group: "b" })).toThrow(new UnknownGroupError("b", ["a"]));
    expect(() => buildGraph({ jobs: [] }, { group: "b" })).toThrow("the pipeline has no groups (asked for 'b')");
  });
});
