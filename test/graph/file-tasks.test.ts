/**
 * `sdk graph -f html` shows a resolved file task's inputs, outputs and params in the plan
 * panel: from the Pipeline's `artifacts` for a pipeline.ts, from `--artifact` for YAML.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "../helpers/paths.ts";

const EXAMPLE = "packages/examples/file-tasks";

async function plans(...args: string[]): Promise<Record<string, string>> {
  const io = captureIo(repoRoot);
  expect(await main(["graph", "-f", "html", ...args], io)).toBe(0);
  const json = io.out.match(/<script type="application\/json" id="plans">(.*?)<\/script>/s)?.[1];
  return JSON.parse(json ?? "{}") as Record<string, string>;
}

/** The build step's item of the publish job's panel. */
const buildStep = (panel: string | undefined) =>
  panel?.match(/<li><span class="kind">task<\/span> <span class="name">build<\/span>.*?<\/ul><\/li>/s)?.[0];

const EXPECTED =
  '<div class="task-file">inputs</div><ul class="io"><li>app</li><li>coverage <span class="note">(optional)</span></li></ul>' +
  '<div class="task-file">outputs</div><ul class="io"><li>dist</li></ul>' +
  '<div class="task-file">params</div><ul class="io"><li>VERSION <span class="note">(set by the step)</span></li>' +
  '<li>NODE_ENV <span class="note">(the file&#39;s default)</span></li></ul></li>';

describe("sdk graph of file tasks", () => {
  it("shows the task file's inputs, outputs and params for a pipeline.ts with artifacts", async () => {
    expect(buildStep((await plans(`${EXAMPLE}/pipeline.ts`))["publish"])).toContain(EXPECTED);
  });

  it("shows them for YAML given --artifact, and not without it", async () => {
    expect(buildStep((await plans(`${EXAMPLE}/pipeline.yml`, "--artifact", `app=${EXAMPLE}`))["publish"])).toContain(EXPECTED);
    expect((await plans(`${EXAMPLE}/pipeline.yml`))["publish"]).not.toContain("task-file");
  });
});
