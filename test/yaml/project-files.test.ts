/**
 * The project's own YAML (examples, fixtures, goldens): each file reads the same on both
 * paths, and those without problems take the fast path.
 */
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../packages/sdk/src/yaml/parse.ts";
import { expectAgreement } from "./agreement.ts";
import { projectYamlFiles } from "./fixtures.ts";

describe("the project's YAML files", () => {
  const files = projectYamlFiles();
  it("are there", () => {
    expect(files.length).toBeGreaterThan(20);
  });
  for (const file of files) {
    // A file with no problem at all is plain pipeline YAML, which the fast reader must read itself.
    const clean = parseYaml(file.text).problems.length === 0;
    it(`${file.name} reads the same both ways${clean ? ", on the fast path" : ""}`, () => {
      const path = expectAgreement(file.text, file.name);
      if (clean) expect(path).toBe("fast");
    });
  }
});
