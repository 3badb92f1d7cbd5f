/**
 * Golden files: the TypeScript generated for the seed's blog pipeline and a few corpus
 * files, so that a change in output style is reviewed. A different output rewrites the
 * golden file and fails, except under CI=true where it only fails.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPipeline } from "../../packages/sdk/src/import/index.ts";
import { REPO_ROOT, sharedDir } from "./harness.ts";

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
});
