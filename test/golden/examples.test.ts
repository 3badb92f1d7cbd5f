/**
 * Every example renders to its committed YAML (the drift check CI runs). That the blog
 * example means what the seed post's pipeline means is in seed.corpus.test.ts.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { expectGolden } from "../helpers/golden.ts";
import { repoRoot } from "../helpers/paths.ts";

const examplesDir = resolve(repoRoot, "packages/examples");
const examples = fs
  .readdirSync(examplesDir)
  .filter((name) => fs.existsSync(resolve(examplesDir, name, "pipeline.ts")))
  .sort();

async function render(example: string) {
  const io = captureIo(repoRoot);
  const code = await main(["render", `packages/examples/${example}/pipeline.ts`], io);
  return { code, out: io.out, err: io.err };
}

describe("examples", () => {
  it("finds the examples", () => {
    expect(examples).toEqual(expect.arrayContaining(["blog", "blog-across"]));
  });

  it.each(examples)("%s renders to its committed pipeline.yml, with the expected warnings", async (example) => {
    const { code, out, err } = await render(example);
    expect(code).toBe(0);
    expectGolden(resolve(examplesDir, example, "pipeline.yml"), out);
    // What sdk render prints on stderr is part of what users see: pinned too.
    expectGolden(resolve(repoRoot, "test/golden/examples", `${example}.stderr.txt`), err);
  });
});
