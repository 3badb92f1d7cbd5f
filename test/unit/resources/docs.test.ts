/**
 * docs/resources.md cannot rot: every ```ts block is a pipeline file, loaded the way
 * `sdk render` loads one, and must render without errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../../packages/sdk/src/io/io.ts";
import { loadPipelines } from "../../../packages/sdk/src/load/load-pipeline.ts";

const root = join(import.meta.dirname, "../../..");
const markdown = readFileSync(join(root, "docs/resources.md"), "utf8");
const blocks: { section: string; code: string }[] = [];
let section = "top";
for (const match of markdown.matchAll(/^## (.+)$|^```ts\n([\s\S]*?)^```$/gm)) {
  if (match[1] !== undefined) section = match[1];
  else if (match[2] !== undefined) blocks.push({ section, code: match[2] });
}

// Next to the repo's sources, so that `contrail` resolves as it does for a user's file.
const dir = mkdtempSync(join(root, "test/unit/resources/.docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs/resources.md", () => {
  it("has an example per typed resource", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(13);
    for (const name of [
      "GitResource",
      "RegistryImage",
      "RegistryTag",
      "TimeResource",
      "S3Resource",
      "SemverResource",
      "GithubReleaseResource",
      "PoolResource",
      "MockResource",
      "BoshIoRelease",
      "BoshIoStemcell",
      "DockerImage",
      "OciBuildTask",
      "defineResourceType",
    ]) {
      expect(blocks.some((b) => b.code.includes(`new ${name}(`) || b.code.includes(`${name}({`))).toBe(true);
    }
  });

  for (const [i, block] of blocks.entries()) {
    it(`renders the example of '${block.section}' without errors`, async () => {
      const file = join(dir, `example-${i}.ts`);
      writeFileSync(file, block.code);
      const [loaded] = await loadPipelines(file, nodeIo());
      const { config, diagnostics } = loaded!.pipeline.synth();
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(config.jobs.length).toBeGreaterThan(0);
    });
  }
});
