/**
 * File tasks on the shared corpus: every pipeline Concourse accepted, linted with an artifact
 * mapping for each git resource whose repository is in the corpus (`github.com/<owner>/<repo>`
 * is the folder `<owner>__<repo>`, corpus/INDEX.md "Task files"), gives no error. Prints the
 * number of file tasks followed and the warnings by code.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../packages/sdk/src/diagnostics/diagnostic.ts";
import { lintYaml } from "../../packages/sdk/src/lint/index.ts";
import { taskFileSource } from "../../packages/sdk/src/task-file/index.ts";
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
