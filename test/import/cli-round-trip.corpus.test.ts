/**
 * Every plain pipeline Concourse accepted goes through the CLI as a user runs it:
 * `sdk import FILE -o x.ts`, then `sdk render x.ts`, and comes back equal in meaning, with
 * its resources and resource types in the same order.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../packages/sdk/src/model/common.ts";
import { meaningDifference, namesOf, roundTripCases, sdkInProcess as sdk, slug, TMP_DIR } from "./harness.ts";

const cases = roundTripCases();

describe("sdk import, then sdk render, through the CLI", () => {
  it("finds the corpus", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.map((c) => [c.file, c] as const))(
    "%s",
    async (file, { path, original }) => {
      const out = join(TMP_DIR, "cli", `${slug(file)}.ts`);
      rmSync(out, { force: true });
      const imported = await sdk(["import", path, "-o", out]);
      expect(imported.err.split("\n").filter((l) => / error /.test(l))).toEqual([]);
      expect(imported.code).toBe(0);
      const rendered = await sdk(["render", out, "--format", "json"]);
      expect(rendered.err.split("\n").filter((l) => /error/.test(l))).toEqual([]);
      expect(rendered.code).toBe(0);
      const back = JSON.parse(rendered.out) as JsonValue;
      expect(meaningDifference(original, back)).toBeUndefined();
      expect(namesOf(back, "resources")).toEqual(namesOf(original, "resources"));
      expect(namesOf(back, "resource_types")).toEqual(namesOf(original, "resource_types"));
    },
    120_000,
  );
});
