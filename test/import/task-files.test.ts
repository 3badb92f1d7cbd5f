/**
 * `sdk import` of task files, through the CLI: a folder of them becomes one module of
 * typed declarations that compiles, whose types reject a wrong use, and that a pipeline
 * using it renders through `sdk render`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { typeCheckFiles } from "../../packages/sdk/src/import/typecheck.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { expectGolden } from "../helpers/golden.ts";
import { REPO_ROOT, TMP_DIR, writeTmp } from "./harness.ts";

const FIXTURE = "test/import/fixtures/task-files";
const OUT = join(TMP_DIR, "task-files/tasks.ts");
/** OUT as the user types it (it is named in the generated header). */
const OUT_ARG = "test/import/.tmp/task-files/tasks.ts";

async function sdk(...args: string[]) {
  const io = captureIo(REPO_ROOT);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** A pipeline using the generated declarations; `extra` is spliced into the unit step's options. */
const pipelineUsing = (extra: string) => `import { FileTask, GitResource, Job, Pipeline } from "contrail";
import { ciTasksUnitTests, publish } from "./tasks.ts";

const src = new GitResource("repo", { source: { uri: "https://example.com/repo.git" } }).get();
const unit = new FileTask("unit", ciTasksUnitTests, { from: src, inputs: { repo: src }, params: { CODECOV_TOKEN: "((token))" }${extra} });
const ship = new FileTask("publish", publish, { from: src, inputs: { built: unit.outputs.coverage }, vars: { target: { url: "u" } } });
export default new Pipeline({ jobs: [new Job("test", { plan: [src, unit, ship] })] });
`;

describe("sdk import of task files", () => {
  it("writes one declaration per task file of a folder, skipping other YAML with a warning", async () => {
    const { code, err } = await sdk("import", `${FIXTURE}/ci`, "--root", FIXTURE, "-o", OUT_ARG, "--force");
    expect(code).toBe(0);
    expect(err).toBe(
      `${FIXTURE}/ci/other/values.yml: warning import-not-a-task-file: not a task config (no platform or run at the top); skipped\n`,
    );
    expectGolden(join(REPO_ROOT, "test/import/golden/task-files.ts"), readFileSync(OUT, "utf8"));
  });

  it("writes declarations that compile and type a pipeline using them; a wrong use does not compile", async () => {
    expect((await sdk("import", `${FIXTURE}/ci`, "--root", FIXTURE, "-o", OUT_ARG, "--force")).code).toBe(0);
    const good = writeTmp("task-files", "pipeline.ts", pipelineUsing(""));
    const bad = writeTmp("task-files", "bad.ts", pipelineUsing(", vars: { go_versoin: '1.23' }"));
    const [tasks, goodErrors, badErrors] = await typeCheckFiles([OUT, good, bad], join(REPO_ROOT, "tsconfig.json"));
    expect(tasks?.errors).toEqual([]);
    expect(goodErrors?.errors).toEqual([]);
    expect(badErrors?.errors.join("\n")).toMatch(/'go_versoin' does not exist/);
  });

  it("renders a pipeline using them through sdk render", async () => {
    expect((await sdk("import", `${FIXTURE}/ci`, "--root", FIXTURE, "-o", OUT_ARG, "--force")).code).toBe(0);
    const pipeline = writeTmp("task-files", "pipeline.ts", pipelineUsing(""));
    const { code, out, err } = await sdk("render", pipeline);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("file: repo/ci/tasks/unit-tests.yml");
    expect(out).toContain("input_mapping:\n      built: coverage");
  });

  it("refuses a task file outside --root, and a folder without task files", async () => {
    const outside = await sdk("import", `${FIXTURE}/ci/tasks/unit-tests.yml`, "--root", `${FIXTURE}/ci/other`);
    expect(outside.code).toBe(2);
    expect(outside.err).toContain("is outside test/import/fixtures/task-files/ci/other, the artifact's folder");
    const none = await sdk("import", `${FIXTURE}/ci/other`);
    expect(none.code).toBe(1);
    expect(none.err).toContain("error import-no-task-files: no task config among test/import/fixtures/task-files/ci/other");
  });

  it("imports the example's pipeline.yml with --artifact to typed file tasks that render back to it", async () => {
    const example = "packages/examples/file-tasks";
    const out = "test/import/.tmp/task-files/example.ts";
    const imported = await sdk("import", `${example}/pipeline.yml`, "--artifact", `app=${example}`, "-o", out, "--force");
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);
    const source = readFileSync(join(REPO_ROOT, out), "utf8");
    expect(source.match(/= defineTask\(/g)?.length).toBe(3);
    expect(source.match(/new FileTask\(/g)?.length).toBe(3);
    expect(source).toContain("inputs: { app: appForPublish, dist: build.outputs.dist }");
    // The folder is written on the Pipeline, relative to the generated file: render checks the files without flags.
    expect(source).toContain('artifacts: { app: "../../../../packages/examples/file-tasks" }');
    const rendered = await sdk("render", out);
    expect(rendered.err).toBe("");
    const header = (text: string) => text.replace(/^# Generated by contrail from .*\n/, "");
    expect(header(rendered.out)).toBe(header(readFileSync(join(REPO_ROOT, example, "pipeline.yml"), "utf8")));
  });
});
