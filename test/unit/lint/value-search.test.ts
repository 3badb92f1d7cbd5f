import { describe, expect, it } from "vitest";
import { lintConfig } from "../../../packages/sdk/src/lint/lint-config.ts";
import { mayContain, withValueSearch } from "../../../packages/sdk/src/lint/value-search.ts";
import type { PipelineConfig } from "../../../packages/sdk/src/model/index.ts";

describe("mayContain", () => {
  it("finds a needle in any nested string or key, and rules out a value without it", () => {
    withValueSearch(() => {
      expect(mayContain({ a: [{ b: "x ((.:v)) y" }] }, "localVar")).toBe(true);
      expect(mayContain({ a: { "((.:k))": 1 } }, "localVar")).toBe(true);
      expect(mayContain({ a: ["((v))", { b: 1 }] }, "localVar")).toBe(false);
      expect(mayContain({ plan: [{ aggregate: [] }] }, "aggregateKey")).toBe(true);
      expect(mayContain({ plan: [{ aggregate: [] }] }, "localVar")).toBe(false);
      expect(mayContain({ plan: [{ get: "aggregate" }] }, "aggregateKey")).toBe(false);
    });
  });

  it("lets through a cycle or a value too deep to search, so that the caller walks it", () => {
    const cyclic: Record<string, unknown> = { a: "no needle" };
    cyclic.self = cyclic;
    expect(withValueSearch(() => mayContain(cyclic, "localVar"))).toBe(true);
    let deep: unknown = "plain";
    for (let i = 0; i < 300; i++) deep = [deep];
    expect(withValueSearch(() => mayContain({ deep }, "aggregateKey"))).toBe(true);
    expect(withValueSearch(() => mayContain({ n: 1n, f: () => "((.:v))" }, "localVar"))).toBe(false);
  });

  it("reads each value's text once per run, and anew in the next run", () => {
    const value = { a: "plain" };
    withValueSearch(() => {
      expect(mayContain(value, "localVar")).toBe(false);
      value.a = "((.:v))";
      expect(mayContain(value, "localVar")).toBe(false);
    });
    expect(withValueSearch(() => mayContain(value, "localVar"))).toBe(true);
  });
});

describe("the rules that look in every string keep their findings", () => {
  const job = (step: Record<string, unknown>) => ({ name: "j", plan: [step] });
  const config = {
    resources: [{ name: "r", type: "git", source: { uri: "https://example.com/r.git" } }],
    jobs: [
      job({ get: "r" }),
      { name: "k", plan: [{ get: "r" }, { put: "r", params: { "((.:in-a-key))": "x", deep: [{ v: "a ((.:in-a-list)) b" }] } }] },
      { name: "old", plan: [{ aggregate: [{ get: "r" }] }] },
    ],
  } as unknown as PipelineConfig;
  const found = lintConfig(config).map((d) => `${d.code} ${d.path}`);

  it("finds local vars in keys and nested lists, in the jobs that have them", () => {
    expect(found).toContain("undefined-local-var jobs.k.plan[1].params");
    expect(found.filter((f) => f.startsWith("undefined-local-var"))).toHaveLength(2);
  });

  it("finds the aggregate step", () => {
    expect(found).toContain("deprecated-aggregate jobs.old.plan[0].aggregate");
  });
});
