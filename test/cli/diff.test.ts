/**
 * `sdk diff`: fly get-pipeline against the rendered pipeline, compared in meaning, shown by
 * job and resource.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderPipeline } from "../../packages/sdk/src/render/render.ts";
import { parse, stringify } from "../unit/render/yaml-package.ts";
import { FakeFly, runMain } from "./fake-fly.ts";

const BLOG = "packages/examples/blog/pipeline.ts";
let fake: FakeFly;

beforeEach(() => {
  fake = new FakeFly();
});
afterEach(() => fake.dispose());

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

async function blogYaml(): Promise<string> {
  const { default: pipeline } = await import("../../packages/examples/blog/pipeline.ts");
  return renderPipeline(pipeline, { sourceFile: BLOG }).text;
}

/** What Concourse gives back: keys in another order, every string quoted, in_parallel as {steps}, Go durations. */
function serverStyle(value: Json, key = ""): Json {
  if (Array.isArray(value)) {
    const items = value.map((item) => serverStyle(item));
    return key === "in_parallel" ? { steps: items } : key === "resources" ? items.reverse() : items;
  }
  if (value === null || typeof value !== "object") return key === "check_every" && value === "15m" ? "15m0s" : value;
  const out: { [key: string]: Json } = {};
  for (const k of Object.keys(value).reverse()) out[k] = serverStyle(value[k] ?? null, k);
  return out;
}

async function diffAgainst(remote: string, extraArgs: string[] = []) {
  const path = fake.write("remote.yml", remote);
  return runMain(["diff", "-t", "ci", "-p", "blog", BLOG, ...extraArgs], fake, { FAKE_FLY_GET_PIPELINE: path });
}

describe("sdk diff", () => {
  it("runs fly -t TARGET get-pipeline -p NAME, captured, and writes no file", async () => {
    const r = await diffAgainst(await blogYaml(), ["--team", "ops"]);
    expect(fake.calls().map((c) => c.args)).toEqual([["-t", "ci", "get-pipeline", "-p", "blog", "--team", "ops"]]);
    expect(r.execs[0]?.options?.capture).toBe(true);
    expect(fake.leftovers()).toEqual([]);
  });

  it("finds no difference against its own rendering re-ordered and re-quoted (exit 0)", async () => {
    const remote = stringify(serverStyle(parse(await blogYaml()) as Json), { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
    expect(remote).toContain('"registry-image"');
    expect(remote).toContain("steps:");
    const r = await diffAgainst(remote);
    expect(r.out).toBe("no differences\n");
    expect(r.code).toBe(0);
  });

  it("reads the current pipeline as YAML 1.1: `trigger: yes` is `trigger: true`", async () => {
    const r = await diffAgainst((await blogYaml()).replaceAll("trigger: true", "trigger: yes"));
    expect(r.out).toBe("no differences\n");
    expect(r.code).toBe(0);
  });

  it("shows a changed job with its changed lines (exit 1)", async () => {
    const r = await diffAgainst((await blogYaml()).replace("trigger: true", "trigger: false"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^~ job build-my-repo\n/);
    expect(r.out).toMatch(/^ {2}\+ +trigger: true$/m);
    expect(r.out).not.toMatch(/^[~+-] resource/m);
    expect(r.out).toContain("1 difference (1 changed)");
  });

  it('a quoted "true" is not the boolean true', async () => {
    const r = await diffAgainst((await blogYaml()).replace("trigger: true", 'trigger: "true"'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^~ job build-my-repo\n/);
  });

  it("shows added and removed entities by name", async () => {
    const current = parse(await blogYaml()) as { resources: { name: string }[]; jobs: Json[] };
    current.resources = current.resources.filter((r) => r.name !== "my-image");
    current.jobs.push({ name: "old-job", plan: [{ get: "my-repo" }] });
    const r = await diffAgainst(stringify(current));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\+ resource my-image$/m);
    expect(r.out).toMatch(/^- job old-job$/m);
    expect(r.out).toContain("2 differences (1 added, 1 removed)");
  });

  it("passes a failing get-pipeline through with fly's message and exit code", async () => {
    const r = await runMain(["diff", "-t", "ci", "-p", "nope", BLOG], fake, { FAKE_FLY_FAIL: "pipeline not found" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("error: pipeline not found\n");
    expect(r.err).toContain("sdk diff: fly get-pipeline failed (exit 1)");
    expect(r.out).toBe("");
  });

  it("says which line of fly's answer is not YAML", async () => {
    const r = await diffAgainst("jobs:\n- name: a\n  plan: [\n");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: fly -t ci get-pipeline -p blog:\d+:\d+: yaml: /m);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("needs -t and -p", async () => {
    expect((await runMain(["diff", "-p", "blog", BLOG], fake)).code).toBe(2);
    expect((await runMain(["diff", "-t", "ci", BLOG], fake)).code).toBe(2);
    expect(fake.calls()).toEqual([]);
  });
});
