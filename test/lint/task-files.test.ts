/**
 * Task files through the CLI, as a user runs `sdk lint`: on their own, and followed from a
 * pipeline with `--artifact`. Works on copies of our own fixtures (test/lint/fixtures/task-files)
 * made in a temp dir, broken in each way a build would meet.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { runSdk } from "../helpers/run-sdk.ts";
import { repoRoot } from "./shared.ts";

const FIXTURE = path.join(repoRoot, "test/lint/fixtures/task-files");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "contrail-task-files-"));
  cpSync(FIXTURE, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Edits a file of the temp copy. */
function edit(file: string, change: (text: string) => string): void {
  const at = path.join(dir, file);
  writeFileSync(at, change(readFileSync(at, "utf8")));
}

async function lint(...args: string[]) {
  // Files are given as absolute paths (the CLI reads them as given); output shows them
  // relative to the temp dir.
  const io = captureIo(dir);
  const code = await main(["lint", ...args.map((a) => (/\.ya?ml$/.test(a) ? path.join(dir, a) : a))], io);
  return { code, out: io.out.replaceAll(`${dir}/`, ""), err: io.err.replaceAll(`${dir}/`, "") };
}

describe("sdk lint on a task file", () => {
  it("accepts a valid task file", async () => {
    const r = await lint("repo/ci/tasks/unit.yml");
    expect(r.out).toBe("0 errors, 0 warnings in 1 file\n");
    expect(r.code).toBe(0);
  });

  it("reports a misspelt key and a missing platform in the file's own place", async () => {
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("platform: linux\n", "").replace("outputs:", "ouputs:"));
    const r = await lint("repo/ci/tasks/unit.yml");
    expect(r.code).toBe(1);
    expect(r.out).toContain("repo/ci/tasks/unit.yml:15:1: error unknown-fields: unknown fields: [ouputs]");
    expect(r.out).toContain("repo/ci/tasks/unit.yml:4:1: error invalid-task-config: invalid task configuration: missing 'platform'");
  });
});

/** One line per diagnostic: `file:line:col code: message`, from the text output. */
function lines(out: string): string[] {
  return out.split("\n").filter((l) => / (error|warning) [a-z0-9-]+: /.test(l));
}

describe("sdk lint PIPELINE --artifact", () => {
  it("follows the file task: a clean pipeline stays clean, and the file task is counted as checked", async () => {
    const r = await lint("pipeline.yml", "--artifact", "repo=repo");
    expect(r.out).toBe("0 errors, 0 warnings in 1 file\n");
    expect(r.code).toBe(0);
    const json = await lint("pipeline.yml", "--artifact", "repo=repo", "--format", "json");
    expect(JSON.parse(json.out)).toEqual([]);
    expect(json.err).not.toContain("not checked");
  });

  it("counts unmapped file tasks once in the summary line", async () => {
    const r = await lint("pipeline.yml");
    expect(lines(r.out)).toEqual([]);
    expect(r.out).toBe("0 errors, 0 warnings in 1 file; 1 file task not checked: map their artifacts with --artifact\n");
    const json = await lint("pipeline.yml", "--format", "json");
    expect(JSON.parse(json.out)).toEqual([]);
    expect(json.err).toContain("sdk lint: 1 file task not checked: map their artifacts with --artifact");
  });

  it("says apart a task file whose path leads out of its mapped artifact (through '..' or a link), and reads nothing there", async () => {
    writeFileSync(path.join(dir, "secret.yml"), "platform: linux\nrun: {path: leaked}\n");
    edit("pipeline.yml", (t) => t.replace("    file: repo/ci/tasks/unit.yml\n", "    file: repo/../secret.yml\n"));
    const r = await lint("pipeline.yml", "--artifact", "repo=repo");
    expect(r.out).toBe(
      "0 errors, 0 warnings in 1 file; 1 file task not checked: the task file's path leads out of its artifact's folder ('..' or a symbolic link), which is not followed\n",
    );
    // A link out of the folder, through the bin (the real file system resolves links).
    symlinkSync(path.join(dir, "secret.yml"), path.join(dir, "repo/ci/tasks/link.yml"));
    edit("pipeline.yml", (t) => t.replace("    file: repo/../secret.yml\n", "    file: repo/ci/tasks/link.yml\n"));
    const linked = await runSdk(["lint", "pipeline.yml", "--artifact", "repo=repo", "--format", "json"], { cwd: dir });
    expect(linked.stderr).toContain("1 file task not checked: the task file's path leads out of its artifact's folder");
    expect(JSON.parse(linked.stdout)).toEqual([]);
    // Unmapped and outside together: both counts, each with its own reason.
    edit("pipeline.yml", (t) => t.replace("    file: repo/ci/tasks/link.yml\n", "    file: repo/../secret.yml\n"));
    const both = await lint("pipeline.yml", "--artifact", "other=repo");
    expect(both.out).toContain("1 file task not checked: map their artifacts with --artifact");
  });

  it("reports an input that no step provides, in the task file, naming the step", async () => {
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("- name: repo\n", "- name: repo\n- name: nobody\n"));
    const r = await lint("pipeline.yml", "--artifact", "repo=repo");
    expect(lines(r.out)).toEqual([
      "repo/ci/tasks/unit.yml:13:3: warning unknown-artifact: task 'unit' of job 'test' needs input 'nobody', but no earlier step of the job produces an artifact with that name",
    ]);
    // With input_mapping, the mapping in the pipeline is the place to fix.
    edit("pipeline.yml", (t) =>
      t.replace("    file: repo/ci/tasks/unit.yml\n", "    file: repo/ci/tasks/unit.yml\n    input_mapping: {nobody: gone}\n"),
    );
    expect(lines((await lint("pipeline.yml", "--artifact", "repo=repo")).out)).toEqual([
      "pipeline.yml:19:21: warning unknown-artifact: task 'unit' of job 'test' maps input 'nobody' of its task file to artifact 'gone', but no earlier step of the job produces an artifact with that name",
    ]);
  });

  it("reports a removed platform and a misspelt key in the task file, naming the step", async () => {
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("platform: linux\n", "").replace("outputs:", "ouputs:"));
    const r = await lint("pipeline.yml", "--artifact", "repo=repo");
    expect(lines(r.out)).toEqual([
      "repo/ci/tasks/unit.yml:4:1: error invalid-task-config: invalid task configuration: missing 'platform' (task file of task 'unit' of job 'test')",
      "repo/ci/tasks/unit.yml:15:1: error unknown-fields: unknown fields: [ouputs] (task file of task 'unit' of job 'test')",
    ]);
    expect(r.code).toBe(1);
  });

  it("reports a param the step passes that the file does not declare, in Concourse's words", async () => {
    edit("pipeline.yml", (t) => t.replace("      GOFLAGS: -mod=mod\n", "      GOFLAGS: -mod=mod\n      EXTRA: 1\n"));
    const r = await lint("pipeline.yml", "--artifact", "repo=repo", "--format", "json");
    expect(JSON.parse(r.out)).toEqual([
      {
        code: "task-param-not-declared",
        severity: "warning",
        message: "EXTRA was defined in pipeline but missing from task file (task 'unit' of job 'test', repo/ci/tasks/unit.yml)",
        path: "jobs.test.plan[1].params.EXTRA",
        file: "repo/ci/tasks/unit.yml",
        line: 19,
        column: 1,
      },
    ]);
  });

  it("honours contrail-disable-next-line comments in the task file for what is reported there", async () => {
    edit("pipeline.yml", (t) => t.replace("      GOFLAGS: -mod=mod\n", "      GOFLAGS: -mod=mod\n      EXTRA: 1\n"));
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("\nparams:", "\n# contrail-disable-next-line task-param-not-declared\nparams:"));
    expect(lines((await lint("pipeline.yml", "--artifact", "repo=repo")).out)).toEqual([]);
  });

  it("checks vars both ways, the run path and a missing task file", async () => {
    edit("pipeline.yml", (t) => t.replace("      suite: short\n", "      sute: short\n"));
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("unit.sh", "nope.sh"));
    expect(lines((await lint("pipeline.yml", "--artifact", "repo=repo")).out)).toEqual([
      "pipeline.yml:22:7: warning task-var-unused: task 'unit' of job 'test' gives var 'sute', but its task file repo/ci/tasks/unit.yml never uses ((sute))",
      "repo/ci/tasks/unit.yml:24:3: warning task-run-path-not-found: run.path 'repo/ci/tasks/nope.sh' of repo/ci/tasks/unit.yml does not exist in input 'repo' (artifact 'repo'): the build of task 'unit' of job 'test' would fail (reported once per task file)",
      "repo/ci/tasks/unit.yml:25:10: warning task-var-not-given: repo/ci/tasks/unit.yml uses ((suite)), which task 'unit' of job 'test' does not give in vars: the build looks it up in the credential manager and fails with 'undefined vars: suite' if it is not there",
    ]);
    rmSync(path.join(dir, "repo/ci/tasks/unit.yml"));
    expect(lines((await lint("pipeline.yml", "--artifact", "repo=repo")).out)).toEqual([
      "pipeline.yml:18:5: warning task-file-not-found: task config 'repo/ci/tasks/unit.yml' not found: task 'unit' of job 'test' reads repo/ci/tasks/unit.yml, which does not exist",
    ]);
  });

  it("makes the file's outputs artifacts, so later steps are checked instead of assumed", async () => {
    edit("pipeline.yml", (t) => t.replace("image: built/image.tar", "image: biult/image.tar"));
    expect(lines((await lint("pipeline.yml")).out)).toEqual([]);
    expect(lines((await lint("pipeline.yml", "--artifact", "repo=repo")).out)).toEqual([
      "pipeline.yml:25:7: warning unknown-artifact: put 'image' param image reads artifact 'biult', but no earlier step of the job produces an artifact with that name",
    ]);
  });

  it("maps the artifact of a git resource whose uri is the checkout's remote, and says so", async () => {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    git("remote", "add", "origin", "git@github.com:Example/repo.git");
    // The artifact is now the whole checkout: the task file and its script are one level down.
    edit("pipeline.yml", (t) => t.replace("file: repo/ci/tasks/unit.yml", "file: repo/repo/ci/tasks/unit.yml"));
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("path: repo/ci/tasks/unit.sh", "path: repo/repo/ci/tasks/unit.sh"));
    edit("pipeline.yml", (t) => t.replace("      GOFLAGS: -mod=mod\n", "      GOFLAGS: -mod=mod\n      EXTRA: 1\n"));
    const r = await lint("pipeline.yml");
    expect(r.err).toBe(
      "sdk lint: pipeline.yml: artifact 'repo' is the folder . (git resource 'repo' has this checkout's remote git@github.com:Example/repo.git)\n",
    );
    expect(lines(r.out).map((l) => l.split(": warning ")[1]?.split(":")[0])).toEqual(["task-param-not-declared"]);
    expect(r.out).toMatch(/^repo\/ci\/tasks\/unit.yml:19:1: /);
    // An explicit mapping wins over the automatic one.
    const explicit = await lint("pipeline.yml", "--artifact", "repo=repo");
    expect(explicit.err).toBe("");
    expect(lines(explicit.out).map((l) => l.split(": warning ")[1]?.split(":")[0])).toEqual(["task-file-not-found"]);
  });

  it("refuses a malformed --artifact flag with a usage error", async () => {
    const r = await lint("pipeline.yml", "--artifact", "repo");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--artifact expects NAME=DIR");
    const missing = await lint("pipeline.yml", "--artifact", "repo=/nonexistent/folder");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no such folder");
  });
});

describe("sdk render and sdk graph --artifact", () => {
  it("render checks a pipeline.ts's file tasks against their task files, and warns in the task file", async () => {
    edit("pipeline.ts", (t) => t.replace('GOFLAGS: "-mod=mod"', 'GOFLAGS: "-mod=mod", EXTRA: "1"'));
    const io = captureIo(dir);
    expect(await main(["render", path.join(dir, "pipeline.ts"), "--artifact", "repo=repo"], io)).toBe(0);
    expect(io.out).toContain("file: repo/ci/tasks/unit.yml");
    expect(io.err.replaceAll(`${dir}/`, "")).toContain(
      "repo/ci/tasks/unit.yml:19:1: warning task-param-not-declared: EXTRA was defined in pipeline but missing from task file",
    );
    const plain = captureIo(dir);
    expect(await main(["render", path.join(dir, "pipeline.ts")], plain)).toBe(0);
    expect(plain.err).not.toContain("task-param-not-declared");
  });

  it("graph takes the flag and counts a broken task file's errors", async () => {
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("platform: linux\n", ""));
    const io = captureIo(dir);
    expect(await main(["graph", path.join(dir, "pipeline.yml"), "--format", "dot", "--artifact", "repo=repo"], io)).toBe(0);
    expect(io.err).toContain("the pipeline has 1 error(s)");
    const plain = captureIo(dir);
    expect(await main(["graph", path.join(dir, "pipeline.yml"), "--format", "dot"], plain)).toBe(0);
    expect(plain.err).toBe("");
  });

  it("import accepts the flag (and rejects a malformed one)", async () => {
    const io = captureIo(dir);
    expect(await main(["import", path.join(dir, "pipeline.yml"), "--artifact", "repo=repo"], io)).toBe(0);
    expect(io.out).toContain("unit.yml");
    const bad = captureIo(dir);
    expect(await main(["import", path.join(dir, "pipeline.yml"), "--artifact", "=repo"], bad)).toBe(2);
  });
});
