/** The YAML stage: go-yaml v2 reading, yaml.v3 pre-check errors, positions. */
import { describe, expect, it } from "vitest";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";
import { parseYaml } from "../../../packages/sdk/src/yaml/parse.ts";

const pos = (text: string, offset: number) => {
  const p = parseYaml(text).lines.linePos(offset);
  return [p.line, p.col];
};

describe("parseYaml", () => {
  it("reads plain scalars as YAML 1.1 and quoted ones as strings, keys included", () => {
    const { root } = parseYaml("on: yes\n'on': 'yes'\nn: 0777\nf: 1.10\n");
    expect(root?.kind).toBe("map");
    if (root?.kind !== "map") return;
    expect(root.entries.map((e) => [e.key, e.value.kind === "scalar" ? e.value.value : undefined])).toEqual([
      ["true", true],
      ["on", "yes"],
      ["false", 511],
      ["f", 1.1],
    ]);
  });

  it("expands aliases and merge keys (explicit keys win when after the merge)", () => {
    const { root, problems } = parseYaml("base: &b {a: 1, b: 2}\nuse:\n  <<: *b\n  b: 3\n");
    expect(problems).toEqual([]);
    const use = root?.kind === "map" ? root.entries[1]?.value : undefined;
    expect(use?.kind === "map" ? use.entries.map((e) => [e.key, e.value.kind === "scalar" && e.value.value]) : []).toEqual([
      ["a", 1],
      ["b", 3],
    ]);
  });

  it("reports duplicate keys at any depth with yaml.v3's message, at the second key", () => {
    const text = "jobs:\n- name: a\n  plan: []\n  name: b\n";
    const { problems } = parseYaml(text);
    expect(problems).toEqual([
      { code: "yaml-duplicate-key", message: 'mapping key "name" already defined at line 2', offset: text.indexOf("name: b") },
    ]);
    expect(pos(text, problems[0]?.offset ?? 0)).toEqual([4, 3]);
  });

  it("reports tabs and syntax errors at their line", () => {
    const d = lintYaml("jobs:\n\t- name: x\n", { file: "p.yml" }).diagnostics;
    expect(d[0]).toMatchObject({ code: "yaml-syntax", severity: "error", line: 2, file: "p.yml" });
    const e = lintYaml("jobs: [a, b\n", {}).diagnostics;
    expect(e[0]?.code).toBe("yaml-syntax");
  });

  it("uses only the first document, and reads JSON", () => {
    // Concourse ignores the second document (even broken); contrail says so, once.
    expect(lintYaml("jobs:\n- name: a\n---\nfoo: [\n", {}).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["yaml-multiple-documents", 3],
    ]);
    expect(lintYaml('{"jobs": [{"name": "a", "plan": []}]}', {}).diagnostics).toEqual([]);
  });

  it("rejects a top level that is not a mapping, and mappings as keys", () => {
    expect(lintYaml("- a\n", {}).diagnostics[0]?.message).toBe("cannot unmarshal !!seq into map[string]interface {}");
    expect(lintYaml("a: {{x}}\n", {}).diagnostics[0]?.message).toBe('invalid map key: map[string]interface {}{"x":interface {}(nil)}');
  });

  it("fails .inf like the YAML-to-JSON conversion", () => {
    const d = lintYaml("jobs:\n- name: a\nuser_data: {x: .inf}\n", {}).diagnostics;
    expect(d[0]).toMatchObject({ code: "decode-error", message: "error converting YAML to JSON: json: unsupported value: +Inf", line: 3 });
  });

  it("positions validate findings at the offending key", () => {
    const text = "jobs:\n- name: build\n  plan:\n  - get: nope\n";
    const [d] = lintYaml(text, { file: "p.yml" }).diagnostics;
    expect(d).toMatchObject({
      code: "unknown-resource",
      message: "jobs.build.plan.do[0].get(nope): unknown resource 'nope'",
      path: "jobs.build.plan[0].get",
      line: 4,
      column: 5,
    });
  });
});
