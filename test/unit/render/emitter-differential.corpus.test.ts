/**
 * The direct emitter writes the reference renderer's bytes for every corpus YAML file that
 * decodes.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, sharedDir } from "../../helpers/paths.ts";
import { expectSameForFiles, yamlFiles } from "./differential.ts";

describe("the direct emitter writes the reference renderer's bytes", () => {
  it("for every corpus YAML file that decodes", () => {
    expect(expectSameForFiles(yamlFiles(resolve(sharedDir(), "corpus")), repoRoot)).toBeGreaterThan(20);
  });
});
