/**
 * The JSON Schema as an editor uses it: on the raw YAML (read as YAML 1.1, as the README
 * tells yaml-language-server to), not on the config after decoding. Every corpus pipeline
 * Concourse accepted must pass, including those with top-level keys that only hold anchors.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";
import { pipelineJsonSchema } from "../../../packages/sdk/src/model/json-schema.ts";
import { sharedDir } from "../../helpers/paths.ts";
import { validator } from "./schema-validator.ts";

describe("sdk schema on raw corpus YAML", () => {
  it("accepts every plain corpus pipeline Concourse accepted, as written", () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(pipelineJsonSchema());
    const corpus = join(sharedDir(), "corpus");
    const verdicts = JSON.parse(readFileSync(join(corpus, "concourse-verdicts.json"), "utf8")) as Record<
      string,
      { stage: string; blocks?: unknown[] }
    >;
    const failures: string[] = [];
    let checked = 0;
    let withExtraKeys = 0;
    for (const [file, verdict] of Object.entries(verdicts)) {
      if (verdict.stage !== "validate" || (verdict.blocks ?? []).length > 0) continue;
      const text = readFileSync(join(corpus, file), "utf8");
      // Templated pipelines (((vars)) outside strings, {{ }}) are not YAML an editor can check.
      let raw: unknown;
      try {
        raw = JSON.parse(JSON.stringify(parse(text, { version: "1.1", merge: true, maxAliasCount: -1 })));
      } catch {
        continue;
      }
      checked++;
      const known = new Set(["jobs", "resources", "resource_types", "groups", "var_sources", "display", "prototypes"]);
      if (Object.keys(raw as object).some((k) => !known.has(k))) withExtraKeys++;
      if (!validate(raw)) failures.push(`${file}: ${JSON.stringify(validate.errors?.[0])}`);
    }
    expect(checked).toBeGreaterThan(20);
    expect(withExtraKeys).toBeGreaterThan(0);
    expect(failures).toEqual([]);
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
