/** buildGraph on the 111-job update-releases.yml: filtering by group. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../packages/sdk/src/graph/model.ts";
import { BIG, corpusConfig } from "../../graph/corpus.ts";

describe("buildGraph on the corpus", () => {
  it("filters update-releases.yml by group", () => {
    const config = corpusConfig(BIG);
    const all = buildGraph(config);
    expect(all.nodes.filter((n) => n.kind === "job")).toHaveLength(111);
    const stemcell = buildGraph(config, { group: "update-linux-stemcell" });
    expect(stemcell.nodes.filter((n) => n.kind === "job").map((n) => n.name)).toEqual(
      [
        "detect-stemcell-bump",
        "acquire-all-pre-dev-locks",
        "update-stemcell-and-recompile-releases",
        "acquire-pre-dev-lock-for-update-stemcell-minor",
        "update-stemcell-minor",
      ].filter((name) => config.jobs.some((j) => j.name === name)),
    );
    const ids = new Set(stemcell.nodes.map((n) => n.id));
    for (const e of stemcell.edges) expect(ids.has(e.from) && ids.has(e.to), e.id).toBe(true);
    expect(stemcell.edges.some((e) => e.kind === "passed")).toBe(true);
  });
});
