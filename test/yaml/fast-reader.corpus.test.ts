/**
 * The fast reader against real pipelines: every `*.yml`/`*.yaml` file of the shared corpus
 * (pipelines and the task files of their repositories), every pipeline of the lint cases,
 * and random small edits of the corpus files. Each either falls back or reads exactly as
 * the `yaml` package path does; the files without problems take the fast path.
 */
import * as fs from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYaml } from "../../packages/sdk/src/yaml/parse.ts";
import { sharedDir } from "../helpers/paths.ts";
import { expectAgreement } from "./agreement.ts";

function walk(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(path);
  }
  return out;
}

const shared = sharedDir();
const files = [...walk(join(shared, "corpus"), []), ...walk(join(shared, "lint-cases"), [])]
  .sort()
  .map((path) => ({ name: relative(shared, path), text: fs.readFileSync(path, "utf8") }));
const cases = (parse(fs.readFileSync(join(shared, "lint-cases/validate-cases.yml"), "utf8")) as Array<{ name: string; pipeline?: unknown }>)
  .filter((c): c is { name: string; pipeline: string } => typeof c.pipeline === "string")
  .map((c) => ({ name: `lint case ${c.name}`, text: c.pipeline }));

describe("the fast reader on the shared corpus", () => {
  it("agrees on every file and lint case, and reads nearly all clean ones itself", () => {
    const inputs = [...files, ...cases];
    let fast = 0;
    let clean = 0;
    let cleanFast = 0;
    const cleanFallbacks: string[] = [];
    for (const input of inputs) {
      const path = expectAgreement(input.text, input.name);
      const isClean = parseYaml(input.text).problems.length === 0;
      if (path === "fast") fast++;
      if (isClean) {
        clean++;
        if (path === "fast") cleanFast++;
        else cleanFallbacks.push(input.name);
      }
    }
    console.log(
      `fast reader: ${fast} of ${inputs.length} inputs (${files.length} files, ${cases.length} lint cases); ${cleanFast} of ${clean} without problems` +
        (cleanFallbacks.length > 0 ? `; fell back on clean: ${cleanFallbacks.join(", ")}` : ""),
    );
    expect(files.length).toBeGreaterThan(300);
    expect(cleanFast / clean).toBeGreaterThan(0.97);
  });

  it("agrees on random small edits of the corpus files", () => {
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom("delete", "space", "newline", "indent", "colon", "dash") });
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 2 }), (index, edits) => {
        const file = files[index] as { name: string; text: string };
        let text = file.text;
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % text.length;
          const lineStart = text.lastIndexOf("\n", at - 1) + 1;
          if (e.kind === "delete") text = text.slice(0, at) + text.slice(at + 1);
          else if (e.kind === "indent") text = `${text.slice(0, lineStart)} ${text.slice(lineStart)}`;
          else text = text.slice(0, at) + { space: " ", newline: "\n", colon: ": ", dash: "- " }[e.kind] + text.slice(at);
        }
        expectAgreement(text, `${file.name} after ${JSON.stringify(edits)}`);
      }),
      { numRuns: 400 },
    );
  });
});
