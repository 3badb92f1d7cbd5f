/**
 * Golden SVGs of two small corpus pipelines, and a readable layout of the 111-job
 * update-releases.yml (no two boxes overlap).
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { drawGraph } from "../../packages/sdk/src/graph/index.ts";
import { layoutGraph } from "../../packages/sdk/src/graph/layout.ts";
import { buildGraph } from "../../packages/sdk/src/graph/model.ts";
import { expectGolden } from "../helpers/golden.ts";
import { repoRoot } from "../helpers/paths.ts";
import { BIG, corpusConfig } from "./corpus.ts";

const golden = (name: string) => resolve(repoRoot, "test/graph/golden", name);

describe("golden SVGs of corpus pipelines", () => {
  it.each([
    ["manually-triggered", "concourse__examples/pipelines/manually-triggered.yml"],
    ["golang-lib", "concourse__examples/pipelines/golang-lib.yml"],
  ])("%s", async (name, file) => {
    expectGolden(golden(`${name}.svg`), await drawGraph(corpusConfig(file), { format: "svg", title: name }));
  });
});

describe("large pipelines", () => {
  it("lays out update-releases.yml (111 jobs) without overlapping boxes", async () => {
    const layout = await layoutGraph(buildGraph(corpusConfig(BIG)));
    expect(layout.nodes.filter((n) => n.node.kind === "job")).toHaveLength(111);
    const boxes = [...layout.nodes].sort((a, b) => a.x - b.x);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length && boxes[j]!.x < a.x + a.width; j++) {
        const b = boxes[j]!;
        if (a.y < b.y + b.height && b.y < a.y + a.height) overlaps.push(`${a.node.id} / ${b.node.id}`);
      }
    }
    expect(overlaps).toEqual([]);
    for (const n of layout.nodes) {
      expect(n.x, n.node.id).toBeGreaterThanOrEqual(-0.5);
      expect(n.y + n.height, n.node.id).toBeLessThanOrEqual(layout.height + 0.5);
    }
  });
});
