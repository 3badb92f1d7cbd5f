/**
 * The blog's golden SVG, determinism and layout on contrail's own fixtures. Golden SVGs of
 * two corpus pipelines and the layout of the 111-job update-releases.yml are in
 * golden.corpus.test.ts.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import blog from "../../packages/examples/blog/pipeline.ts";
import { drawGraph } from "../../packages/sdk/src/graph/index.ts";
import { layoutGraph } from "../../packages/sdk/src/graph/layout.ts";
import { buildGraph } from "../../packages/sdk/src/graph/model.ts";
import { expectGolden } from "../helpers/golden.ts";
import { repoRoot } from "../helpers/paths.ts";
import { fixtureConfig } from "./corpus.ts";

const golden = (name: string) => resolve(repoRoot, "test/graph/golden", name);

describe("golden SVGs", () => {
  it("blog", async () => {
    expectGolden(golden("blog.svg"), await drawGraph(blog.synth().config, { format: "svg", title: "blog" }));
  });

  it("draws the same bytes twice, and docs/images/blog-graph.svg is the blog's drawing", async () => {
    const config = fixtureConfig("fan-out.yml");
    const a = await drawGraph(config, { format: "svg" });
    expect(await drawGraph(config, { format: "svg" })).toBe(a);
    expectGolden(resolve(repoRoot, "docs/images/blog-graph.svg"), await drawGraph(blog.synth().config, { format: "svg", title: "blog" }));
  });

  it("draws triggering edges solid and the others dashed", async () => {
    const svg = await drawGraph(fixtureConfig("fan-out.yml"), { format: "svg" });
    expect(svg).toMatch(/<path class="edge passed dashed" data-from="out:build:nightly" data-to="job:smoke"/);
    expect(svg).toMatch(/<path class="edge passed" data-from="out:build:nightly" data-to="job:ship"/);
  });
});

describe("a junction for several passed: upstreams", () => {
  // fan-in.yml: ship gets src with passed: [unit, lint].
  it.each([
    ["svg", "fan-in.svg"],
    ["dot", "fan-in.dot"],
    ["mermaid", "fan-in.mmd"],
  ] as const)("draws it in %s (golden %s)", async (format, file) => {
    expectGolden(golden(file), await drawGraph(fixtureConfig("fan-in.yml"), { format }));
  });

  it("joins the upstream boxes in one dot with one edge into the job", async () => {
    const svg = await drawGraph(fixtureConfig("fan-in.yml"), { format: "svg" });
    expect(svg.match(/<g class="junction"/g)).toHaveLength(1);
    expect(svg).toContain('<g class="junction" data-id="junction:ship:src" data-resource="src"><title>src from unit, lint</title><circle');
    for (const up of ["unit", "lint"]) expect(svg).toContain(`data-from="out:${up}:src" data-to="junction:ship:src"`);
    expect(svg.match(/data-to="job:ship"/g)).toHaveLength(1);
    expect(svg).toContain('data-from="junction:ship:src" data-to="job:ship"');
  });

  it("keeps it in the HTML view", async () => {
    const html = await drawGraph(fixtureConfig("fan-in.yml"), { format: "html", title: "fan-in" });
    expect(html).toContain('data-id="junction:ship:src"');
  });

  it("lays the dot out between the upstream boxes and the job", async () => {
    const layout = await layoutGraph(buildGraph(fixtureConfig("fan-in.yml")));
    const at = (id: string) => layout.nodes.find((n) => n.node.id === id)!;
    const junction = at("junction:ship:src");
    expect(junction.width).toBeLessThan(at("out:unit:src").height);
    expect(junction.x).toBeGreaterThan(at("out:unit:src").x + at("out:unit:src").width);
    expect(junction.x + junction.width).toBeLessThan(at("job:ship").x);
  });
});

describe("layout", () => {
  it("places a job right of the jobs in its passed: constraints", async () => {
    const layout = await layoutGraph(buildGraph(fixtureConfig("fan-out.yml")));
    const x = (id: string) => layout.nodes.find((n) => n.node.id === id)!.x;
    expect(x("out:build:nightly")).toBeGreaterThan(x("job:build"));
    expect(x("job:ship")).toBeGreaterThan(x("out:build:nightly"));
    expect(x("in:build:nightly")).toBeLessThan(x("job:build"));
  });
});
