import { describe, expect, it } from "vitest";
import type { PipelineConfig } from "../../../packages/sdk/src/model/pipeline.ts";
import { toJson } from "../../../packages/sdk/src/render/to-json.ts";
import { toYaml } from "../../../packages/sdk/src/render/to-yaml.ts";
import { readAsConcourse } from "./read-as-concourse.ts";
import { RISKY_STRINGS } from "./strings.ts";

function withString(text: string): PipelineConfig {
  return {
    resources: [{ name: text, type: "git", source: { [text]: "value", key: text } }],
    jobs: [{ name: "job", plan: [{ get: text }] }],
  };
}

describe("quoting for YAML 1.1", () => {
  it.each(RISKY_STRINGS)("double-quotes %j as a key, a value and a name, and reads it back", (text) => {
    const yaml = toYaml(withString(text));
    const quoted = JSON.stringify(text);
    expect(yaml).toContain(`\n- name: ${quoted}\n`);
    expect(yaml).toContain(`\n    ${quoted}: value\n`);
    expect(yaml).toContain(`\n    key: ${quoted}\n`);
    expect(yaml).toContain(`\n  - get: ${quoted}\n`);
    expect(readAsConcourse(yaml)).toEqual(withString(text));
  });

  it("the reader types plain scalars as go-yaml v2 does, so a missing quote is caught", () => {
    expect(readAsConcourse("a: on\nb: 0755\nc: 1_000\nd: '0755'\ne: 1.10\n")).toEqual({ a: true, b: 493, c: 1000, d: "0755", e: 1.1 });
    expect(readAsConcourse("y: 1\n")).toEqual({ true: 1 });
    expect(() => readAsConcourse("a:\n  <<: {b: 1}\n")).toThrow(/merge/);
  });

  it("writes numbers, booleans and null plain, where the config holds them", () => {
    const config: PipelineConfig = {
      resources: [{ name: "r", type: "t", source: { int: 10, float: 1.5, neg: -3, yes: true, no: false, none: null, big: 1e21 } }],
      jobs: [],
    };
    const yaml = toYaml(config);
    expect(yaml).toContain("    int: 10\n    float: 1.5\n    neg: -3\n");
    expect(yaml).toContain('    "yes": true\n    "no": false\n    none: null\n    big: 1e+21\n');
    expect(readAsConcourse(yaml)).toEqual(config);
  });

  it("leaves ordinary strings, var references and version-like strings plain", () => {
    const config: PipelineConfig = {
      resources: [{ name: "repo", type: "git", source: { uri: "https://x/y.git", tag: "1.2.3", v: "v1.2", pw: "((pw))", dot: "." } }],
      jobs: [],
    };
    const yaml = toYaml(config);
    expect(yaml).toContain("    uri: https://x/y.git\n    tag: 1.2.3\n    v: v1.2\n    pw: ((pw))\n    dot: .\n");
    expect(readAsConcourse(yaml)).toEqual(config);
  });

  it("escapes characters go-yaml v2 would reject or read as line breaks", () => {
    const config: PipelineConfig = { jobs: [{ name: "a\u2028b", plan: [{ get: "\u0085x\ufeff\u007f" }] }] };
    const yaml = toYaml(config);
    expect(yaml).toContain('- name: "a\\u2028b"\n');
    expect(yaml).toContain('- get: "\\u0085x\\uFEFF\\u007F"\n');
    expect(yaml).not.toMatch(/[\u007f-\u009f\u2028\u2029\ufeff]/);
    expect(readAsConcourse(yaml)).toEqual(config);
  });

  it.each([
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [Number.NaN, "NaN"],
  ])("throws on %s, naming the path, in YAML and JSON", (value, label) => {
    const config: PipelineConfig = { resources: [{ name: "r", type: "t", source: { nested: { limit: value } } }], jobs: [] };
    const message = new RegExp(`non-finite number ${label} at resources\\[0\\]\\.source\\.nested\\.limit`);
    expect(() => toYaml(config)).toThrow(message);
    expect(() => toJson(config)).toThrow(message);
  });

  it("throws on values that are not plain JSON, naming the path", () => {
    const withDate = { jobs: [{ name: "j", plan: [{ task: "t", vars: { when: new Date(0) } }] }] } as unknown as PipelineConfig;
    expect(() => toYaml(withDate)).toThrow(/jobs\[0\]\.plan\[0\]\.vars\.when/);
    const withHole = { jobs: [], user_data: { "a b": [1, undefined] } } as unknown as PipelineConfig;
    expect(() => toYaml(withHole)).toThrow(/undefined in a list at user_data\["a b"\]\[1\]/);
    expect(() => toYaml({ jobs: [{ name: "\ud800" }] })).toThrow(/surrogate at jobs\[0\]\.name/);
  });
});
