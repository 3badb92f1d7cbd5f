/**
 * Every example renders to its committed YAML (the drift check CI runs), and the blog
 * example means exactly what the seed post's pipeline means.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { expectGolden } from "../helpers/golden.ts";
import { repoRoot, sharedDir } from "../helpers/paths.ts";
import { readAsConcourse } from "../unit/render/read-as-concourse.ts";

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

/** Resources and resource types are a set to Concourse: compare them by name. */
function normalise(value: unknown): unknown {
  const config = structuredClone(value) as Record<string, unknown>;
  for (const key of ["resources", "resource_types"]) {
    const list = config[key];
    if (Array.isArray(list)) list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }
  return config;
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

  it("renders the blog to the seed post's pipeline, in meaning", async () => {
    const { out } = await render("blog");
    const seed = fs.readFileSync(resolve(sharedDir(), "seed/blog-pipeline.yml"), "utf8");
    expect(normalise(readAsConcourse(out))).toEqual(normalise(readAsConcourse(seed)));
  });
});
