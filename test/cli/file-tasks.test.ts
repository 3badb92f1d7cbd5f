/**
 * `sdk render` of a pipeline.ts whose FileTask steps run declared task files: with the
 * artifact's folder known (the Pipeline's `artifacts`, or `--artifact`), a declaration
 * that no longer matches its file stops the render with a diff naming both files.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "../helpers/paths.ts";

const EXAMPLE = resolve(repoRoot, "packages/examples/file-tasks");
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "contrail-file-tasks-"));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function render(...args: string[]) {
  const io = captureIo(dir);
  const code = await main(["render", "pipeline.ts", ...args], io);
  return { code, out: io.out, err: io.err };
}

/** Edits a task file of the copy. */
function edit(file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = fs.readFileSync(path, "utf8");
  expect(text).toContain(from);
  fs.writeFileSync(path, text.replace(from, to));
}

const declarationLine = (name: string) =>
  fs
    .readFileSync(join(dir, "tasks.ts"), "utf8")
    .split("\n")
    .findIndex((line) => line.startsWith(`export const ${name} =`)) + 1;

describe("sdk render with declared task files", () => {
  it("renders when every declaration matches its file", async () => {
    const { code, err, out } = await render();
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe(fs.readFileSync(join(EXAMPLE, "pipeline.yml"), "utf8").replace("packages/examples/file-tasks/", ""));
  });

  it("fails with a diff, declared against file, naming both files, when a task file drifted", async () => {
    edit("ci/tasks/unit.yml", "- name: coverage", "- name: coverage-report");
    edit("ci/tasks/unit.yml", "  NODE_ENV: test", "  NODE_ENV: test\n  CI: 'true'");
    edit("ci/tasks/build.yml", "- name: coverage\n  optional: true", "- name: coverage");
    const { code, out, err } = await render();
    expect(code).toBe(1);
    expect(out).toBe("");
    const hint =
      "  hint: Regenerate the declarations with `sdk import` of the task files (the declarations' first line says how), or fix the file.";
    expect(err).toBe(
      [
        `pipeline.ts: jobs.test.plan[1]: error task-declaration-drift: the declaration at tasks.ts:${declarationLine("unit")} no longer matches the task file ci/tasks/unit.yml (- declared, + file):`,
        "  - output 'coverage'",
        "  + output 'coverage-report'",
        "  + param 'CI'",
        hint,
        `pipeline.ts: jobs.publish.plan[3]: error task-declaration-drift: the declaration at tasks.ts:${declarationLine("build")} no longer matches the task file ci/tasks/build.yml (- declared, + file):`,
        "  - input 'coverage': optional",
        "  + input 'coverage': required",
        hint,
        "2 errors",
        "",
      ].join("\n"),
    );
  });

  it("reads the folder --artifact gives instead of the Pipeline's", async () => {
    const other = join(dir, "other");
    fs.cpSync(join(dir, "ci"), join(other, "ci"), { recursive: true });
    edit("other/ci/tasks/publish.yml", "  NPM_TAG: latest", "  NPM_TAG: latest\n  DRY_RUN: 'false'");
    expect((await render()).code).toBe(0);
    const { code, err } = await render("--artifact", "app=other");
    expect(code).toBe(1);
    expect(err).toContain("no longer matches the task file other/ci/tasks/publish.yml (- declared, + file):\n  + param 'DRY_RUN'\n");
  });

  it("checks nothing when the artifact's folder is not known", async () => {
    edit("pipeline.ts", '  artifacts: { app: "." },\n', "");
    edit("ci/tasks/unit.yml", "- name: coverage", "- name: coverage-report");
    expect((await render()).code).toBe(0);
  });

  it("checks a plain Task's file: against its task file, as lint does, with the task file's place", async () => {
    fs.writeFileSync(
      join(dir, "plain.ts"),
      `import { GitResource, Job, Pipeline, Task } from "contrail";
const src = new GitResource("app", { source: { uri: "https://example.com/app.git" } }).get();
const publish = new Task("publish", { file: src.file("ci/tasks/publish.yml"), params: { NPM_TOKEN: "((t))", NPM_TAGS: "x" } });
export default new Pipeline({ artifacts: { app: "." }, jobs: [new Job("ship", { plan: [src, publish] })] });
`,
    );
    const io = captureIo(dir);
    expect(await main(["render", "plain.ts"], io)).toBe(0);
    expect(io.err).toContain("ci/tasks/publish.yml:8:3: warning unknown-artifact: task 'publish' of job 'ship' needs input 'dist'");
    expect(io.err).toContain(
      "ci/tasks/publish.yml:9:1: warning task-param-not-declared: NPM_TAGS was defined in pipeline but missing from task file",
    );
  });

  it("sdk lint of the pipeline.ts reports the drift too", async () => {
    // Inside the repository, so that `contrail` resolves for lint's type check.
    const inRepo = join(repoRoot, "test/import/.tmp/file-tasks-lint");
    fs.rmSync(inRepo, { recursive: true, force: true });
    fs.cpSync(EXAMPLE, inRepo, { recursive: true });
    const unit = join(inRepo, "ci/tasks/unit.yml");
    fs.writeFileSync(unit, fs.readFileSync(unit, "utf8").replace("- name: coverage", "- name: coverage-report"));
    const io = captureIo(repoRoot);
    const shown = "test/import/.tmp/file-tasks-lint";
    expect(await main(["lint", `${shown}/pipeline.ts`], io)).toBe(1);
    expect(io.out).toContain(
      `${shown}/pipeline.ts: jobs.test.plan[1]: error task-declaration-drift: the declaration at ${shown}/tasks.ts:22 no longer matches the task file ${shown}/ci/tasks/unit.yml (- declared, + file):\n  - output 'coverage'\n  + output 'coverage-report'\n`,
    );
    expect(io.out).toContain("1 error, 0 warnings in 1 file");
  });
});
