/**
 * Anchored steps become factory functions (`const unit = (srcGet: Artifact) => new
 * Task(...)`), called at each copy with the handles that differ; a copy whose inner steps
 * are referred to from outside stays written out. The result type-checks and renders back
 * through the CLI to the pipeline Concourse reads.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { call, id } from "../../../packages/sdk/src/import/expr.ts";
import { printConst } from "../../../packages/sdk/src/import/format.ts";
import { typeCheckFiles } from "../../../packages/sdk/src/import/typecheck.ts";
import type { JsonValue } from "../../../packages/sdk/src/model/common.ts";
import { repoRoot } from "../../helpers/paths.ts";
import { importFixture, meaningDifference, readYaml, sdkInProcess as sdk } from "../../import/harness.ts";

const FIXTURE = join(repoRoot, "test/unit/import/fixtures/anchored-steps.yml");

describe("sdk import of anchored steps", async () => {
  const { out, source, imported } = await importFixture(FIXTURE, "step-factories");

  it("imports without errors", () => {
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);
  });

  it("writes each anchored step once, as a function named after the anchor, taking the handles", () => {
    expect(source).toContain('const unit = (srcGet: Artifact) =>\n  new Task("unit", {');
    expect(source).toContain("const alert = (srcGet: Artifact) => alerts.put({ params: { repository: srcGet } });");
    expect(source).toContain('const checks = (srcGet: Artifact) =>\n  doSteps(unit(srcGet), new Task("lint", {');
    // Its first put is a copy of &alert: the factory calls alert's.
    expect(source).toContain(
      "const publish = (srcGet: Artifact) => inParallel(alert(srcGet), alerts.put({ params: { repository: srcGet, force: true } }));",
    );
    expect(source.match(/new Task\("unit"/g)).toHaveLength(1);
    expect(source).toMatch(/^import \{ type Artifact, doSteps, /m);
    expect(source).not.toMatch(/\w\d+ = /);
  });

  it("calls the factory at each copy, with that job's handles", () => {
    expect(source).toContain("onFailure: alert(srcGet)");
    expect(source).toContain("plan: [srcForDeploy, checks(srcForDeploy)], onFailure: alert(srcForDeploy)");
    expect(source).toContain("plan: [srcForVerify, checks(srcForVerify), publish(srcForVerify)]");
    expect(source).toContain("publish(srcForRelease),");
  });

  it("names the factory's result when a later step uses its output", () => {
    expect(source).toContain("const unitTask = unit(srcGet);");
    expect(source).toContain("alerts.put({ params: { repository: unitTask.outputs.bin } })");
  });

  it("writes out a copy whose inner step is used from outside, calling the inner factory", () => {
    expect(source).toContain("const unitForRelease = unit(srcForRelease);");
    expect(source).toMatch(/doSteps\(\n\s+unitForRelease,\n\s+new Task\("lint"/);
  });

  it("type-checks", async () => {
    const [checked] = await typeCheckFiles([out], join(repoRoot, "tsconfig.json"));
    expect(checked?.errors).toEqual([]);
  }, 60_000);

  it("renders back through the CLI to the same pipeline", async () => {
    const rendered = await sdk(["render", out, "--format", "json"]);
    expect(rendered.err).toBe("");
    expect(rendered.code).toBe(0);
    const original = readYaml(fs.readFileSync(FIXTURE, "utf8"));
    expect(meaningDifference(original, JSON.parse(rendered.out) as JsonValue)).toBeUndefined();
  });
});

describe("a factory's layout", () => {
  it("breaks parameters that do not fit one per line, as Biome does", () => {
    const params = ["ref", "rootfsAmd64Output", "rootfsArm64Output", "versionOutput", "ociLayoutOfTheImage", "versionVar"].map((name) => ({
      name,
      type: "Artifact",
    }));
    const text = printConst("uploadRelease", { k: "arrow", params, body: call("inParallel", id("a"), id("b")) });
    // What `biome format` prints for the same declaration.
    expect(text).toBe(
      [
        "const uploadRelease = (",
        "  ref: Artifact,",
        "  rootfsAmd64Output: Artifact,",
        "  rootfsArm64Output: Artifact,",
        "  versionOutput: Artifact,",
        "  ociLayoutOfTheImage: Artifact,",
        "  versionVar: Artifact,",
        ") => inParallel(a, b);",
      ].join("\n"),
    );
  });

  it("keeps a short factory on one line", () => {
    const text = printConst("alert", { k: "arrow", params: [{ name: "src", type: "Artifact" }], body: call("notify", id("src")) });
    expect(text).toBe("const alert = (src: Artifact) => notify(src);");
  });
});

describe("sdk import of an anchored step merged with an override", async () => {
  const fixture = join(repoRoot, "test/unit/import/fixtures/anchored-step-override.yml");
  const { out, source, imported } = await importFixture(fixture, "step-override");

  it("takes the overridden values as parameters typed by the values the copies give", () => {
    expect(imported.code).toBe(0);
    expect(source).toContain('const deploy = (srcGet: Artifact, environment: "staging" | "production", replicas: 1 | 3) =>');
    expect(source).toContain("params: { ENVIRONMENT: environment, REPLICAS: replicas }");
    expect(source).toContain('deploy(srcForProduction, "production", 3)');
    expect(source).toContain('deploy(srcForCanary, "staging", 1)');
    expect(source.match(/new Task\("deploy"/g)).toHaveLength(1);
  });

  it("type-checks and renders back through the CLI", async () => {
    const [checked] = await typeCheckFiles([out], join(repoRoot, "tsconfig.json"));
    expect(checked?.errors).toEqual([]);
    const rendered = await sdk(["render", out, "--format", "json"]);
    expect(rendered.err).toBe("");
    const original = readYaml(fs.readFileSync(fixture, "utf8"));
    expect(meaningDifference(original, JSON.parse(rendered.out) as JsonValue)).toBeUndefined();
  }, 60_000);
});
