/**
 * File tasks on the shared corpus: every pipeline Concourse accepted, linted with an artifact
 * mapping for each git resource whose repository is in the corpus (`github.com/<owner>/<repo>`
 * is the folder `<owner>__<repo>`, corpus/INDEX.md "Task files"), gives no error. Prints the
 * number of file tasks followed and the warnings by code.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import type { Diagnostic } from "../../packages/sdk/src/diagnostics/diagnostic.ts";
import { lintYaml } from "../../packages/sdk/src/lint/index.ts";
import { taskFileSource } from "../../packages/sdk/src/task-file/index.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { corpusArtifacts } from "./corpus-artifacts.ts";
import { sharedDir } from "./shared.ts";

const corpus = path.join(sharedDir(), "corpus");
const verdicts = JSON.parse(readFileSync(path.join(corpus, "concourse-verdicts.json"), "utf8")) as Record<
  string,
  { stage: string; blocks?: string[] }
>;

const accepted = Object.entries(verdicts)
  .filter(([, v]) => v.stage === "validate" && (v.blocks ?? []).length === 0)
  .map(([file]) => file);

const totals = { pipelines: 0, resolved: 0, unchecked: 0, byCode: new Map<string, number>() };
const samples = new Map<string, Diagnostic[]>();

describe("file tasks on the corpus", () => {
  for (const file of accepted) {
    it(`${file}: no errors with its task repositories mapped`, () => {
      let mapped = 0;
      const { diagnostics, fileTasks } = lintYaml(readFileSync(path.join(corpus, file), "utf8"), {
        file,
        taskFiles: (config) => {
          const artifacts = corpusArtifacts(config, corpus);
          mapped = Object.keys(artifacts).length;
          return taskFileSource({
            artifacts,
            cwd: corpus,
            readFile: (p) => readFileSync(p, "utf8"),
            exists: existsSync,
            realPath: realpathSync,
          });
        },
      });
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      if (mapped === 0) return;
      totals.pipelines++;
      totals.resolved += fileTasks?.resolved ?? 0;
      totals.unchecked += fileTasks?.unchecked ?? 0;
      for (const d of diagnostics) {
        totals.byCode.set(d.code, (totals.byCode.get(d.code) ?? 0) + 1);
        const list = samples.get(d.code) ?? [];
        if (list.length < 3) list.push(d);
        samples.set(d.code, list);
      }
    });
  }

  it("follows most file tasks of the pipelines with their task repositories present", () => {
    expect(totals.pipelines).toBeGreaterThan(5);
    expect(totals.resolved).toBeGreaterThan(1000);
  });

  afterAll(() => {
    const codes = [...totals.byCode.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `  ${c}: ${n}`);
    console.log(
      `file tasks: ${totals.resolved} resolved, ${totals.unchecked} not checked, in ${totals.pipelines} pipelines\nwarnings by code:\n${codes.join("\n")}`,
    );
    if (process.env.CONTRAIL_SAMPLES) {
      for (const [code, list] of samples) for (const d of list) console.log(`${code}: ${d.file}:${d.line}: ${d.path}: ${d.message}`);
    }
  });
});

/** A real task file (cf-deployment-concourse-tasks' bosh-deploy), copied to a temp checkout and broken. */
describe("a real task file, broken in each way", () => {
  const PIPELINE = `resources:
- name: cf-deployment-concourse-tasks
  type: git
  source: {uri: https://github.com/cloudfoundry/cf-deployment-concourse-tasks.git}
- name: cf-deployment
  type: git
  source: {uri: https://github.com/cloudfoundry/cf-deployment.git}
jobs:
- name: deploy
  plan:
  - in_parallel:
    - get: cf-deployment-concourse-tasks
    - get: cf-deployment
  - task: bosh-deploy
    file: cf-deployment-concourse-tasks/bosh-deploy/task.yml
    params:
      SYSTEM_DOMAIN: example.com
`;
  const original = readFileSync(path.join(corpus, "cloudfoundry__cf-deployment-concourse-tasks/bosh-deploy/task.yml"), "utf8");

  async function lintBroken(task: string, pipeline = PIPELINE, flags = true) {
    const dir = mkdtempSync(path.join(tmpdir(), "contrail-real-task-"));
    try {
      mkdirSync(path.join(dir, "bosh-deploy"), { recursive: true });
      writeFileSync(path.join(dir, "bosh-deploy/task.yml"), task);
      writeFileSync(path.join(dir, "bosh-deploy/task"), "#!/bin/bash\n");
      writeFileSync(path.join(dir, "pipeline.yml"), pipeline);
      if (!flags) {
        execFileSync("git", ["init", "-q"], { cwd: dir });
        execFileSync("git", ["remote", "add", "origin", "git@github.com:cloudfoundry/cf-deployment-concourse-tasks"], { cwd: dir });
      }
      const io = captureIo(dir);
      const args = ["lint", path.join(dir, "pipeline.yml"), ...(flags ? ["--artifact", "cf-deployment-concourse-tasks=."] : [])];
      const code = await main(args, io);
      const out = io.out.replaceAll(`${dir}/`, "");
      return { code, err: io.err.replaceAll(`${dir}/`, ""), found: out.split("\n").filter((l) => / (error|warning) [a-z-]+: /.test(l)) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("is clean as it is (its run path exists in the copy)", async () => {
    expect((await lintBroken(original)).found).toEqual([]);
  });

  it("an input that no step provides", async () => {
    const { found } = await lintBroken(original.replace("- name: cf-deployment  #", "- name: cf-deployment-x  #"));
    expect(found).toEqual([
      expect.stringMatching(
        /^bosh-deploy\/task.yml:15:3: warning unknown-artifact: task 'bosh-deploy' of job 'deploy' needs input 'cf-deployment-x'/,
      ),
    ]);
  });

  it("platform removed", async () => {
    const { found, code } = await lintBroken(original.replace("platform: linux\n", ""));
    expect(found).toEqual([
      expect.stringMatching(
        /^bosh-deploy\/task.yml:\d+:1: error invalid-task-config: invalid task configuration: missing 'platform' \(task file of task 'bosh-deploy' of job 'deploy'\)$/,
      ),
    ]);
    expect(code).toBe(1);
  });

  it("a misspelt top-level key", async () => {
    const { found } = await lintBroken(original.replace("\ninputs:", "\ninptus:"));
    expect(found).toEqual([
      expect.stringMatching(
        /^bosh-deploy\/task.yml:10:1: error unknown-fields: unknown fields: \[inptus\] \(task file of task 'bosh-deploy' of job 'deploy'\)$/,
      ),
    ]);
  });

  it("a param the step passes that the file does not declare", async () => {
    const { found } = await lintBroken(
      original,
      PIPELINE.replace("SYSTEM_DOMAIN: example.com", "SYSTEM_DOMAIN: example.com\n      SYSTEM_DOMIAN: typo"),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^bosh-deploy\/task.yml:\d+:1: warning task-param-not-declared: SYSTEM_DOMIAN was defined in pipeline but missing from task file \(task 'bosh-deploy' of job 'deploy', bosh-deploy\/task.yml\)$/,
      ),
    ]);
  });

  it("auto-maps through a git checkout whose remote is the resource's uri", async () => {
    const { found, err } = await lintBroken(original.replace("- name: cf-deployment  #", "- name: cf-deployment-x  #"), PIPELINE, false);
    expect(err).toContain("artifact 'cf-deployment-concourse-tasks' is the folder . (git resource 'cf-deployment-concourse-tasks'");
    expect(found).toHaveLength(1);
  });
});
