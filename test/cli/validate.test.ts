/**
 * `sdk validate`: fly validate-pipeline on the rendered YAML when fly is there, contrail's
 * lint when it is not, and it says which one ran.
 */
import * as fs from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeFly, runMain } from "./fake-fly.ts";

const BLOG = "packages/examples/blog/pipeline.ts";
const NODE_ONLY = dirname(process.execPath);
let fake: FakeFly;

beforeEach(() => {
  fake = new FakeFly();
});
afterEach(() => fake.dispose());

describe("sdk validate", () => {
  it("runs fly validate-pipeline -c <rendered file> and says so", async () => {
    const r = await runMain(["validate", BLOG], fake);
    expect(r.code).toBe(0);
    const call = fake.calls()[0];
    expect(call?.args).toEqual(["validate-pipeline", "-c", call?.configPath]);
    expect(call?.config).toContain("- name: build-my-repo");
    expect(call?.configMode).toBe("600");
    expect(r.err).toContain("sdk validate: default: validated with fly validate-pipeline\n");
    expect(fs.existsSync(call?.configPath ?? "")).toBe(false);
    expect(fake.leftovers()).toEqual([]);
  });

  it("passes --strict and vars to fly", async () => {
    const r = await runMain(["validate", BLOG, "--strict", "-v", "docker_hub_password=hunter2", "-y", "n=1", "-l", "vars.yml"], fake);
    expect(r.code).toBe(0);
    const call = fake.calls()[0];
    expect(call?.args).toEqual([
      "validate-pipeline",
      "-c",
      call?.configPath,
      "--strict",
      "-l",
      "vars.yml",
      "-l",
      call?.varsFiles?.[1]?.path,
    ]);
    expect(call?.varsFiles?.[1]?.text).toBe('"docker_hub_password": "hunter2"\n"n":\n  1\n');
    expect(r.out + r.err).not.toContain("hunter2");
  });

  it("passes fly's failure through (exit 1), and removes the file", async () => {
    const r = await runMain(["validate", BLOG], fake, { FAKE_FLY_FAIL: "configuration invalid" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("validated with fly validate-pipeline (exit 1)");
    expect(fake.leftovers()).toEqual([]);
  });

  it("validates every exported pipeline, or the one --pipeline names", async () => {
    const file = "test/cli/fixtures/two-pipelines.ts";
    const all = await runMain(["validate", file], fake);
    expect(all.code).toBe(0);
    expect(fake.calls()).toHaveLength(2);
    const one = await runMain(["validate", file, "--pipeline", "main"], fake);
    expect(one.code).toBe(0);
    expect(fake.calls()).toHaveLength(3);
  });

  it("falls back to contrail lint when fly is not found, and says so", async () => {
    const r = await runMain(["validate", BLOG], fake, { PATH: NODE_ONLY });
    expect(r.code).toBe(0);
    expect(r.out).toBe("default: looks good\n");
    expect(r.err).toContain("sdk validate: fly not found; validated with contrail lint\n");
    expect(r.execs).toEqual([]);
    expect(fake.calls()).toEqual([]);
  });

  it("the lint fallback fails on errors, and on warnings under --strict", async () => {
    const broken = await runMain(["validate", "test/cli/fixtures/broken.ts"], fake, { PATH: NODE_ONLY });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("invalid cache ttl '1x'");
    // The blog pipeline has a warning (a registry-image put without a tag).
    const strict = await runMain(["validate", BLOG, "--strict"], fake, { PATH: NODE_ONLY });
    expect(strict.err).toContain("warning");
    expect(strict.code).toBe(1);
    expect(strict.err).toContain("validated with contrail lint (--strict: warnings fail)");
  });

  it("does not run fly on a pipeline that fails to render", async () => {
    const r = await runMain(["validate", "test/cli/fixtures/broken.ts"], fake);
    expect(r.code).toBe(1);
    expect(fake.calls()).toEqual([]);
  });

  it("--fly naming a missing program is a usage error, not a silent fallback", async () => {
    const r = await runMain(["validate", BLOG, "--fly", "/no/such/fly"], fake);
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: --fly /no/such/fly: no such executable;");
  });
});
