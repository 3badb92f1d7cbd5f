/** `sdk graph` in-process on the 111-job update-releases.yml: groups. */
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "../helpers/paths.ts";
import { corpusPath } from "./corpus.ts";

async function run(args: string[]) {
  const io = captureIo(repoRoot);
  const code = await main(["graph", ...args], io);
  return { code, out: io.out, err: io.err };
}

describe("sdk graph on the corpus", () => {
  it("draws one group with --group", async () => {
    const file = corpusPath("cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml");
    const { code, out } = await run([file, "--group", "update-linux-stemcell", "--format", "mermaid"]);
    expect(code).toBe(0);
    expect(out).toContain('"detect-stemcell-bump"');
    expect(out).not.toContain('"update-capi"');
  });

  it("names the groups there are when asked for an unknown one", async () => {
    const file = corpusPath("cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml");
    const other = await run([file, "--group", "nope", "-f", "dot"]);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/^sdk graph: the pipeline has no group 'nope'; its groups: update-linux-stemcell, .*\n$/);
  });
});
