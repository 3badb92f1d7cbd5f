import { describe, expect, it } from "vitest";
import type { PipelineConfig } from "../../../packages/sdk/src/model/pipeline.ts";
import { toJson } from "../../../packages/sdk/src/render/to-json.ts";
import { toYaml } from "../../../packages/sdk/src/render/to-yaml.ts";
import { blogConfig } from "./blog-config.ts";
import { readAsConcourse } from "./read-as-concourse.ts";

describe("toJson", () => {
  it("writes 2-space JSON with a trailing newline, in canonical key order", () => {
    const config: PipelineConfig = { jobs: [{ plan: [{ trigger: true, get: "r" }], name: "j" }], resources: [{ type: "git", name: "r" }] };
    expect(toJson(config)).toBe(
      '{\n  "resources": [\n    {\n      "name": "r",\n      "type": "git"\n    }\n  ],\n  "jobs": [\n    {\n      "name": "j",\n' +
        '      "plan": [\n        {\n          "get": "r",\n          "trigger": true\n        }\n      ]\n    }\n  ]\n}\n',
    );
  });

  it("holds the same data, in the same order, as the YAML", () => {
    const json = toJson(blogConfig());
    const fromYaml = readAsConcourse(toYaml(blogConfig()));
    expect(JSON.parse(json)).toEqual(fromYaml);
    expect(json).toBe(`${JSON.stringify(fromYaml, null, 2)}\n`);
  });

  it("is byte-stable and keeps strings as strings", () => {
    const config: PipelineConfig = { resources: [{ name: "on", type: "t", source: { "0755": "yes", n: 1.5 } }], jobs: [] };
    expect(toJson(config)).toBe(toJson(structuredClone(config)));
    expect(JSON.parse(toJson(config))).toEqual(config);
  });
});
