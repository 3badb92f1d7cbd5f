/**
 * Corpus round trip: every plain pipeline Concourse accepted imports to TypeScript that
 * type-checks (all files in one TypeScript program) and renders back to the same pipeline
 * as Concourse reads both.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importPipeline } from "../../packages/sdk/src/import/index.ts";
import { typeCheckFiles } from "../../packages/sdk/src/import/typecheck.ts";
import { meaningDifference, REPO_ROOT, roundTripCases, slug, synthFile, writeTmp } from "./harness.ts";

interface Row {
  readonly file: string;
  readonly path: string;
  readonly ms: number;
  typeErrors: readonly string[];
}

const cases = roundTripCases();
const files = cases.map((c) => c.file);
const rows: Row[] = [];

describe("import of the corpus", () => {
  beforeAll(async () => {
    for (const { file, text } of cases) {
      const start = performance.now();
      const { source } = await importPipeline(text, { file });
      rows.push({ file, path: writeTmp("corpus", `${slug(file)}.ts`, source), ms: performance.now() - start, typeErrors: [] });
    }
    // Every generated file, the ~670 kB one from update-releases.yml included, in one program.
    const checked = await typeCheckFiles(
      rows.map((r) => r.path),
      join(REPO_ROOT, "tsconfig.json"),
    );
    checked.forEach((c, i) => {
      const row = rows[i];
      if (row) row.typeErrors = c.errors;
    });
  }, 600_000);

  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)("%s type-checks and renders back the same pipeline", async (file) => {
    const row = rows.find((r) => r.file === file);
    expect(row, "imported").toBeDefined();
    if (!row) return;
    expect(row.typeErrors).toEqual([]);
    const { config, errors } = await synthFile(row.path);
    expect(errors).toEqual([]);
    const original = cases.find((c) => c.file === file)?.original ?? {};
    expect(meaningDifference(original, config)).toBeUndefined();
  });

  it("generates files that biome leaves as they are", () => {
    const biome = join(REPO_ROOT, "node_modules/.bin/biome");
    for (const row of rows.filter((r) => r.ms < 1000)) {
      const text = readFileSync(row.path, "utf8");
      const formatted = execFileSync(biome, ["format", `--stdin-file-path=${join(REPO_ROOT, "test/import/x.ts")}`], {
        input: text,
        cwd: REPO_ROOT,
        encoding: "utf8",
      });
      expect(formatted, row.file).toBe(text);
    }
  }, 120_000);

  it("reports the round-trip table", () => {
    const largest = [...rows].sort((a, b) => b.ms - a.ms)[0];
    console.log(
      `corpus: ${files.length} files, ${rows.length} imported, ${rows.filter((r) => r.typeErrors.length === 0).length} type-check; slowest import ${largest?.file} ${largest?.ms.toFixed(0)} ms`,
    );
  });
});
