/**
 * Golden files: the TypeScript generated for the blog pipeline and a few corpus files, so
 * that a change in output style is reviewed. A different output rewrites the golden file
 * and fails, except under CI=true where it only fails.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipelines } from "../../packages/sdk/src/cli/load-pipeline.ts";
import { importPipeline } from "../../packages/sdk/src/import/index.ts";
import { renderPipeline } from "../../packages/sdk/src/render/render.ts";
import { REPO_ROOT, sharedDir, testIo, writeTmp } from "./harness.ts";

const GOLDEN = join(REPO_ROOT, "test/import/golden");
const CASES: readonly [string, string][] = [
  ["blog.ts", "seed/blog-pipeline.yml"],
  ["golang-lib.ts", "corpus/concourse__examples/pipelines/golang-lib.yml"],
  ["job-and-task-hooks.ts", "corpus/concourse__examples/pipelines/job-and-task-hooks.yml"],
  ["set-pipelines.ts", "corpus/concourse__examples/pipelines/set-pipelines.yml"],
  ["pipecleaner-passed.ts", "corpus/alphagov__paas-cf/tools/pipecleaner/fixtures/pipecleaner_all_resources_used_passed.yml"],
];

describe("golden imports", () => {
  it.each(CASES)("%s", async (golden, input) => {
    const { source, diagnostics } = await importPipeline(readFileSync(join(sharedDir(), input), "utf8"), {
      file: input.replace(/^corpus\//, ""),
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const path = join(GOLDEN, golden);
    const current = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (current !== source && process.env["CI"] !== "true") writeFileSync(path, source);
    expect(source).toBe(current);
  });

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
