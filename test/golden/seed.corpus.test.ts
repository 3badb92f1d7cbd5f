/**
 * The blog example is the blog post's pipeline: its committed pipeline.yml (which
 * examples.test.ts pins to what `sdk render` prints) means what the seed YAML means.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sortNamedSets } from "../helpers/concourse-sets.ts";
import { repoRoot, sharedDir } from "../helpers/paths.ts";
import { readAsConcourse } from "../unit/render/read-as-concourse.ts";

describe("the blog example", () => {
  it("renders to the seed post's pipeline, in meaning", () => {
    const rendered = fs.readFileSync(resolve(repoRoot, "packages/examples/blog/pipeline.yml"), "utf8");
    const seed = fs.readFileSync(resolve(sharedDir(), "seed/blog-pipeline.yml"), "utf8");
    expect(sortNamedSets(readAsConcourse(rendered))).toEqual(sortNamedSets(readAsConcourse(seed)));
  });
});
