/**
 * `sdk schema`: the JSON Schema generated from the zod model, checked with a real JSON
 * Schema validator (ajv, draft 2020-12) against pipelines: the rendered examples and every
 * corpus pipeline Concourse accepted must pass; a misspelt key must not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";
import { captureIo } from "../../helpers/capture-io.ts";
import { repoRoot, sharedDir } from "../../helpers/paths.ts";

async function schema() {
  const io = captureIo(repoRoot);
  expect(await main(["schema"], io)).toBe(0);
  return JSON.parse(io.out) as Record<string, unknown>;
}

async function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return ajv.compile(await schema());
}

function configOf(file: string): unknown {
  const { config, diagnostics } = lintYaml(readFileSync(file, "utf8"), { file });
  expect(config, diagnostics.map((d) => d.message).join("\n")).toBeDefined();
  return JSON.parse(JSON.stringify(config));
}

describe("sdk schema", () => {
  it("prints a draft 2020-12 JSON Schema", async () => {
    expect((await schema())["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("accepts the rendered examples", async () => {
    const validate = await validator();
    for (const example of ["blog", "blog-across", "self"]) {
      const ok = validate(configOf(join(repoRoot, "packages/examples", example, "pipeline.yml")));
      expect(ok, `${example}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it("rejects a misspelt key and a wrong type", async () => {
    const validate = await validator();
    const blog = configOf(join(repoRoot, "packages/examples/blog/pipeline.yml")) as { jobs: Array<Record<string, unknown>> };
    const misspelt = structuredClone(blog);
    (misspelt.jobs[0] as Record<string, unknown>)["seriall"] = true;
    expect(validate(misspelt)).toBe(false);
    const wrongType = structuredClone(blog);
    (wrongType.jobs[0] as Record<string, unknown>)["serial"] = "yes";
    expect(validate(wrongType)).toBe(false);
  });

  it("accepts unknown top-level keys that hold YAML anchors, as Concourse does, and no others below", async () => {
    const validate = await validator();
    const blog = configOf(join(repoRoot, "packages/examples/blog/pipeline.yml")) as Record<string, unknown>;
    expect(validate({ ...blog, meta: { task: { platform: "linux" } }, "task-config": [1, 2] })).toBe(true);
    const nested = structuredClone(blog) as { resources: Array<Record<string, unknown>> };
    (nested.resources[0] as Record<string, unknown>)["meta"] = {};
    expect(validate(nested)).toBe(false);
  });

  it("accepts every plain corpus pipeline Concourse accepted", async () => {
    const validate = await validator();
    const corpus = join(sharedDir(), "corpus");
    const verdicts = JSON.parse(readFileSync(join(corpus, "concourse-verdicts.json"), "utf8")) as Record<
      string,
      { stage: string; blocks?: unknown[] }
    >;
    const failures: string[] = [];
    for (const [file, verdict] of Object.entries(verdicts)) {
      if (verdict.stage !== "validate" || (verdict.blocks ?? []).length > 0) continue;
      const { config } = lintYaml(readFileSync(join(corpus, file), "utf8"));
      if (config === undefined) continue;
      if (!validate(JSON.parse(JSON.stringify(config)))) failures.push(`${file}: ${JSON.stringify(validate.errors?.[0])}`);
    }
    expect(failures).toEqual([]);
  });
});
