/**
 * `sdk schema`: the JSON Schema generated from the zod model, checked with a real JSON
 * Schema validator (ajv, draft 2020-12) against pipelines: the rendered examples must pass
 * (every corpus pipeline Concourse accepted: schema.corpus.test.ts); a misspelt key must not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";
import { repoRoot } from "../../helpers/paths.ts";
import { schema, validator } from "./schema-validator.ts";

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
});
