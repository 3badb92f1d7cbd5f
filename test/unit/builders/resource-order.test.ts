/**
 * Resources and resource types render in the order the user declared them: an explicit
 * `resources:` / `resourceTypes:` list fixes the order; the rest follow in order of first
 * use (by the jobs, then by groups), and types in the order their resources need them.
 */
import { describe, expect, it } from "vitest";
import { GitResource, Job, Pipeline, Resource, ResourceType } from "../../../packages/sdk/src/index.ts";
import { renderPipeline } from "../../../packages/sdk/src/render/render.ts";

const git = (name: string) => new GitResource(name, { source: { uri: `https://example.com/${name}.git` } });
const type = (name: string) => new ResourceType(name, { type: "registry-image", source: { repository: `example/${name}` } });

function order(pipeline: Pipeline) {
  const { config, diagnostics } = renderPipeline(pipeline);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return {
    resources: (config.resources ?? []).map((r) => r.name),
    types: (config.resource_types ?? []).map((t) => t.name),
  };
}

describe("resource order", () => {
  it("without a list: the order of first use", () => {
    const [a, b, c] = [git("a"), git("b"), git("c")];
    const jobs = [new Job("one", { plan: [c.get(), a.get()] }), new Job("two", { plan: [b.get(), c.get()] })];
    expect(order(new Pipeline({ jobs })).resources).toEqual(["c", "a", "b"]);
  });

  it("an explicit resources list fixes the order; resources missing from it follow by first use", () => {
    const [a, b, c, d] = [git("a"), git("b"), git("c"), git("d")];
    const jobs = [new Job("one", { plan: [d.get(), c.get(), a.get(), b.get()] })];
    expect(order(new Pipeline({ jobs, resources: [b, a] })).resources).toEqual(["b", "a", "d", "c"]);
  });

  it("an explicit resourceTypes list fixes the types' order, whatever order the resources use them in", () => {
    const [t1, t2, t3] = [type("t1"), type("t2"), type("t3")];
    const r1 = new Resource("r1", { type: t1 });
    const r2 = new Resource("r2", { type: t2 });
    const r3 = new Resource("r3", { type: t3 });
    const jobs = [new Job("one", { plan: [r3.get(), r1.get(), r2.get()] })];
    expect(order(new Pipeline({ jobs })).types).toEqual(["t3", "t1", "t2"]);
    expect(order(new Pipeline({ jobs, resourceTypes: [t2, t1, t3] })).types).toEqual(["t2", "t1", "t3"]);
    expect(order(new Pipeline({ jobs, resources: [r2, r3] })).types).toEqual(["t2", "t3", "t1"]);
  });
});
