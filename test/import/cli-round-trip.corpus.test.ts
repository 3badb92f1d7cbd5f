/**
 * Every plain pipeline Concourse accepted goes through the CLI as a user runs it:
 * `sdk import FILE -o x.ts`, then `sdk render x.ts`, and comes back equal in meaning, with
 * its resources and resource types in the same order.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import type { JsonObject } from "../../packages/sdk/src/import/load.ts";
import type { JsonValue } from "../../packages/sdk/src/model/common.ts";
import { captureIo } from "../helpers/capture-io.ts";
import {
  acceptedPlainCorpus,
  asConcourseKeepsIt,
  firstDifference,
  normalize,
  REPO_ROOT,
  readYaml,
  sharedDir,
  slug,
  TMP_DIR,
} from "./harness.ts";

const files = acceptedPlainCorpus();

/** The names of a top-level list, in order. */
function names(doc: JsonObject, key: string): string[] {
  const list = doc[key];
  return Array.isArray(list) ? list.map((item) => String((item as JsonObject)["name"])) : [];
}

async function sdk(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(REPO_ROOT);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe("sdk import, then sdk render, through the CLI", () => {
  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)(
    "%s",
    async (file) => {
      const input = join(sharedDir(), "corpus", file);
      const out = join(TMP_DIR, "cli", `${slug(file)}.ts`);
      rmSync(out, { force: true });
      const imported = await sdk(["import", input, "-o", out]);
      expect(imported.err.split("\n").filter((l) => / error /.test(l))).toEqual([]);
      expect(imported.code).toBe(0);
      const rendered = await sdk(["render", out, "--format", "json"]);
      expect(rendered.err.split("\n").filter((l) => /error/.test(l))).toEqual([]);
      expect(rendered.code).toBe(0);
      const original = asConcourseKeepsIt(readYaml(readFileSync(input, "utf8")));
      const back = JSON.parse(rendered.out) as JsonObject;
      expect(firstDifference(normalize(original), normalize(back as JsonValue))).toBeUndefined();
      expect(names(back, "resources")).toEqual(names(original, "resources"));
      expect(names(back, "resource_types")).toEqual(names(original, "resource_types"));
    },
    120_000,
  );
});
