/**
 * `sdk import PIPELINE --artifact NAME=DIR` on corpus pipelines whose task files are in the
 * corpus, through the CLI: resolved file tasks become typed `FileTask` steps with
 * `defineTask` declarations, the file compiles, and `sdk render` of it (with the same
 * `--artifact`, so that every declaration is compared with its file) gives back the input
 * pipeline, in meaning.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import type { JsonObject } from "../../packages/sdk/src/import/load.ts";
import { typeCheckFiles } from "../../packages/sdk/src/import/typecheck.ts";
import { forEachStep } from "../../packages/sdk/src/import/walk.ts";
import type { JsonValue } from "../../packages/sdk/src/model/common.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { firstDifference, normalize, REPO_ROOT, readYaml, sharedDir, slug, TMP_DIR } from "./harness.ts";

/**
 * Pipelines, the artifacts (name, corpus folder) that hold their task files, and how many
 * file tasks must stay plain `Task`s, and why.
 */
const CASES: readonly [string, Record<string, string>, number][] = [
  ["alphagov__paas-cf/concourse/pipelines/autodelete-cloudfoundry.yml", { "paas-cf": "alphagov__paas-cf" }, 0],
  ["alphagov__paas-cf/concourse/pipelines/destroy-cloudfoundry.yml", { "paas-cf": "alphagov__paas-cf" }, 0],
  // upload-test-artifacts is the `ensure` hook of the step whose output it reads: a hook is
  // an option of that step's builder, so it cannot hold a handle to the step's outputs.
  ["alphagov__paas-cf/concourse/pipelines/monitor-remote.yml", { "paas-cf": "alphagov__paas-cf" }, 1],
  ["concourse__examples/pipelines/separate-task-config.yml", { "concourse-examples": "concourse__examples" }, 0],
  // bosh-upload-stemcell-from-cf-deployment/task.yml is gone from the later commit of
  // cf-deployment-concourse-tasks in the corpus (corpus/INDEX.md): it cannot be read.
  [
    "cloudfoundry__cli/ci/infrastructure/pipeline.yml",
    { "cli-ci": "cloudfoundry__cli", "cf-deployment-concourse-tasks": "cloudfoundry__cf-deployment-concourse-tasks" },
    1,
  ],
  ["cloudfoundry__cli/ci/cli-release/pipeline.yml", { "cli-ci": "cloudfoundry__cli", master: "cloudfoundry__cli" }, 0],
];

async function sdk(...args: string[]) {
  const io = captureIo(REPO_ROOT);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const corpus = () => relative(REPO_ROOT, join(sharedDir(), "corpus"));
const written: string[] = [];

describe("sdk import --artifact of corpus pipelines", () => {
  it.each(CASES)("%s: typed file tasks, rendered back equal in meaning", async (file, artifacts, plain) => {
    const artifactFlags = Object.entries(artifacts).flatMap(([name, folder]) => ["--artifact", `${name}=${corpus()}/${folder}`]);
    const out = relative(REPO_ROOT, join(TMP_DIR, "file-tasks", `${slug(file)}.ts`));
    const imported = await sdk("import", `${corpus()}/${file}`, ...artifactFlags, "-o", out, "--force");
    expect(imported.err).not.toMatch(/error/);
    expect(imported.code).toBe(0);
    const source = readFileSync(join(REPO_ROOT, out), "utf8");
    written.push(join(REPO_ROOT, out));
    // Every file task of these pipelines resolves: none is left a string `file:`.
    const input = readFileSync(join(sharedDir(), "corpus", file), "utf8");
    const doc = readYaml(input);
    let fileTasks = 0;
    for (const job of Array.isArray(doc["jobs"]) ? doc["jobs"] : []) {
      forEachStep(job as JsonObject, (step) => {
        if ("task" in step && typeof step["file"] === "string") fileTasks++;
      });
    }
    expect(fileTasks).toBeGreaterThan(0);
    expect(source).toContain("defineTask({");
    expect(source.match(/new FileTask\(/g)?.length).toBe(fileTasks - plain);
    expect(source).toMatch(/artifacts: \{/);

    // The Pipeline's `artifacts` lead render to the task files: no flag needed.
    const rendered = await sdk("render", out);
    expect(rendered.err).not.toMatch(/error/);
    expect(rendered.code).toBe(0);
    const difference = firstDifference(normalize(readYaml(rendered.out) as JsonValue), normalize(readYaml(input) as JsonValue));
    expect(difference).toBeUndefined();
  });

  it("writes files that compile", async () => {
    expect(written.length).toBe(CASES.length);
    const checked = await typeCheckFiles(written, join(REPO_ROOT, "tsconfig.json"));
    expect(checked.flatMap((f) => f.errors.map((e) => `${f.path}:${e}`))).toEqual([]);
  });
});
