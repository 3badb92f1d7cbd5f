/**
 * On every pipeline of the shared corpus, lint agrees with what Concourse answered
 * (concourse-verdicts.json): no error where it accepted, its error lines or its error where it
 * refused, its warnings as warnings, and no crash on templated files.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { DECODE_PREFIX, lintYaml } from "../../packages/sdk/src/lint/index.ts";
import { sharedDir } from "./shared.ts";

interface Verdict {
  stage: "yaml" | "decode" | "validate";
  blocks?: string[];
  warnings?: Array<{ type: string; message: string }>;
  error?: string;
}

const corpus = path.join(sharedDir(), "corpus");
const verdicts = JSON.parse(readFileSync(path.join(corpus, "concourse-verdicts.json"), "utf8")) as Record<string, Verdict>;

describe("corpus", () => {
  it("has the 76 pipelines", () => expect(Object.keys(verdicts).length).toBe(76));

  for (const [file, verdict] of Object.entries(verdicts)) {
    it(file, () => {
      const text = readFileSync(path.join(corpus, file), "utf8");
      const { diagnostics } = lintYaml(text, { file });
      const errors = diagnostics.filter((d) => d.severity === "error");
      const warnings = diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
      for (const w of verdict.warnings ?? []) expect(warnings).toContain(w.message);
      const blockLines = (verdict.blocks ?? []).flatMap((b) =>
        b
          .split("\n")
          .filter((l) => l.startsWith("\t"))
          .map((l) => l.slice(1)),
      );
      if (verdict.stage === "validate" && blockLines.length === 0) {
        expect(errors.map((d) => d.message)).toEqual([]);
      } else if (verdict.stage === "validate") {
        expect(errors.map((d) => d.message).sort()).toEqual(blockLines.sort());
      } else if (verdict.stage === "decode") {
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.map((d) => d.code)).toContain("decode-error");
        expect(errors.map((d) => d.message)).toContain(verdict.error);
        expect(verdict.error?.startsWith(DECODE_PREFIX)).toBe(true);
      } else {
        expect(errors.length).toBeGreaterThan(0);
        const expected = verdict.error?.replace("error parsing yaml before applying templates: yaml: ", "");
        expect(errors.map((d) => d.message)).toContain(expected);
      }
      for (const d of diagnostics) expect(d.line).toBeGreaterThan(0);
    });
  }
});
