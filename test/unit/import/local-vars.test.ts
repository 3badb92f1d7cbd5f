/**
 * Local vars in a task's command line (`run:`) import as the load_var's handle, written as a
 * template literal because `run` is typed as text; a field of a var loaded without a
 * structured format stays as written. The result type-checks and
 * renders back through the CLI to the pipeline Concourse reads.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheckFiles } from "../../../packages/sdk/src/import/typecheck.ts";
import type { JsonValue } from "../../../packages/sdk/src/model/common.ts";
import { repoRoot } from "../../helpers/paths.ts";
import { importFixture, meaningDifference, readYaml, sdkInProcess as sdk } from "../../import/harness.ts";

const FIXTURE = join(repoRoot, "test/unit/import/fixtures/local-vars-in-run.yml");

describe("sdk import of local vars in a task's run", async () => {
  const { out, source, imported } = await importFixture(FIXTURE, "local-vars-in-run");

  it("writes the load_var's handle in the run after it", () => {
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);
    expect(source).toContain('const version = loadVar("version", srcGet.file("version"));');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated TypeScript holds a template literal.
    expect(source).toContain("path: `${version}`");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated TypeScript holds a template literal.
    expect(source).toContain('args: [`${version}`, "((.:meta.sha))", `v${version}-rc`, pipelineVars.plain]');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated TypeScript holds a template literal.
    expect(source).toContain("dir: `src/${version}`");
  });

  it("type-checks and renders back through the CLI", async () => {
    const [checked] = await typeCheckFiles([out], join(repoRoot, "tsconfig.json"));
    expect(checked?.errors).toEqual([]);
    const rendered = await sdk(["render", out, "--format", "json"]);
    expect(rendered.err).toBe("");
    const original = readYaml(fs.readFileSync(FIXTURE, "utf8"));
    expect(meaningDifference(original, JSON.parse(rendered.out) as JsonValue)).toBeUndefined();
  }, 60_000);
});
