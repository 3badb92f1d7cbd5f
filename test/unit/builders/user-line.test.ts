/**
 * Builder objects remember where the user's code made them; render diagnostics carry that
 * place (file, line, column) as well as the YAML path, and lint findings on the rendered
 * config are placed the same way.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GitResource, Job, Pipeline, RegistryImage, Task } from "../../../packages/sdk/src/index.ts";
import { renderPipeline } from "../../../packages/sdk/src/render/render.ts";

const here = fileURLToPath(import.meta.url);
/** The 1-based line of this file that holds `marker`. */
const lineOf = (marker: string) =>
  readFileSync(here, "utf8")
    .split("\n")
    .findIndex((line) => line.includes(marker) && !line.includes("lineOf(")) + 1;

describe("diagnostics at the user's line", () => {
  it("an artifact-not-produced error is at the line of the consuming task", () => {
    const repo = new GitResource("repo", { source: { uri: "https://example.com/r.git" } });
    const src = repo.get();
    const test = new Task("test", { inputs: [src], run: { path: "true" } }); // the task
    const { diagnostics } = renderPipeline(new Pipeline({ jobs: [new Job("unit", { plan: [test, src] })] }));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "artifact-not-produced",
        path: "jobs.unit.plan[0].config.inputs[0]",
        file: here,
        line: lineOf("// the task"),
        column: 18,
      }),
    ]);
  });

  it("a lint warning on a resource's source is at the line that declared the resource", () => {
    const image = new RegistryImage("img", { source: { repository: "example/img", password: "hunter2" } }); // the image
    const job = new Job("push", { plan: [image.put({ params: { image: "img/image.tar" } })] });
    const { diagnostics } = renderPipeline(new Pipeline({ jobs: [job] }));
    const credential = diagnostics.find((d) => d.code === "plaintext-credential");
    expect(credential).toMatchObject({ file: here, line: lineOf("// the image"), path: expect.stringMatching(/^resources\.img\.source/) });
  });
});
