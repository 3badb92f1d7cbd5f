/**
 * Render, import, render of the blog example gives the same bytes. The golden files of
 * the TypeScript generated for the seed and a few corpus files are in golden.corpus.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPipeline } from "../../packages/sdk/src/import/index.ts";
import { loadPipelines } from "../../packages/sdk/src/load/load-pipeline.ts";
import { renderPipeline } from "../../packages/sdk/src/render/render.ts";
import { expectGolden } from "../helpers/golden.ts";
import { REPO_ROOT, testIo, writeTmp } from "./harness.ts";

describe("golden imports", () => {
  it("render, import, render of the blog example is byte-identical", async () => {
    const [blog] = await loadPipelines(join(REPO_ROOT, "packages/examples/blog/pipeline.ts"), testIo());
    if (!blog) throw new Error("no blog pipeline");
    const first = renderPipeline(blog.pipeline);
    expect(first.text).not.toBe("");
    const imported = await importPipeline(first.text);
    const [again] = await loadPipelines(writeTmp("blog", "pipeline.ts", imported.source), testIo());
    if (!again) throw new Error("no imported pipeline");
    expect(renderPipeline(again.pipeline).text).toBe(first.text);
  });
});

describe("golden import of the project's own YAML", () => {
  it("the blog example's pipeline.yml", async () => {
    const file = "packages/examples/blog/pipeline.yml";
    const { source, diagnostics } = await importPipeline(readFileSync(join(REPO_ROOT, file), "utf8"), { file });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expectGolden(join(REPO_ROOT, "test/import/golden/blog-example.ts"), source);
  });
});
