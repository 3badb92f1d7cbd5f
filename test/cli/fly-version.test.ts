/**
 * `sdk set --concourse fly` / `sdk validate --concourse fly`: the version to check for is the
 * one fly reports (`fly --version`, the server's once fly is synced), with the fake fly; and
 * var flags fill the pre-check as fly will fill the pipeline.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeFly, runMain } from "./fake-fly.ts";

const ACROSS = "packages/examples/blog-across/pipeline.ts";
let fake: FakeFly;

beforeEach(() => {
  fake = new FakeFly();
});
afterEach(() => fake.dispose());

describe("--concourse fly", () => {
  it("sdk set: a v7.11 fly refuses a pipeline that uses across, before set-pipeline runs", async () => {
    const r = await runMain(["set", "-t", "ci", "-p", "blog", ACROSS, "--concourse", "fly"], fake, { FAKE_FLY_VERSION: "7.11.2" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("sdk set: judging for Concourse 7.11.2 (fly --version)");
    expect(r.err).toContain("the across step must be explicitly opted-in to using the `--enable-across-step` flag");
    expect(fake.calls().map((c) => c.args)).toEqual([["--version"]]);
  });

  it("sdk set: a v8.3 fly sets it", async () => {
    const r = await runMain(["set", "-t", "ci", "-p", "blog", ACROSS, "--concourse", "fly"], fake, { FAKE_FLY_VERSION: "8.3.0" });
    expect(r.code).toBe(0);
    expect(fake.calls().map((c) => c.args[0])).toEqual(["--version", "-t"]);
    expect(fake.calls()[1]?.args).toContain("set-pipeline");
  });

  it("sdk validate: asks fly too; without --concourse fly is not asked", async () => {
    const v7 = await runMain(["validate", ACROSS, "--concourse", "fly"], fake, { FAKE_FLY_VERSION: "v7.11.0" });
    expect(v7.code).toBe(1);
    expect(v7.err).toContain("--enable-across-step");
    fake.dispose();
    fake = new FakeFly();
    const plain = await runMain(["validate", ACROSS], fake, { FAKE_FLY_VERSION: "7.11.0" });
    expect(plain.code).toBe(0);
    expect(fake.calls().map((c) => c.args[0])).toEqual(["validate-pipeline"]);
  });

  it("says so when fly prints no version it knows", async () => {
    const r = await runMain(["validate", ACROSS, "--concourse", "fly"], fake, { FAKE_FLY_VERSION: "dev" });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--concourse fly: ${fake.fly} --version printed "dev": 'dev' is not a Concourse version`);
  });
});

describe("sdk set with var flags", () => {
  it("checks the pipeline with the vars filled in, and passes the vars file on to fly", async () => {
    const vars = fake.write("vars.yml", "docker_hub_username: me\ndocker_hub_password: {not: a string}\n");
    const r = await runMain(["set", "-t", "ci", "-p", "blog", "packages/examples/blog/pipeline.ts", "-l", vars], fake);
    // A map where a string goes is only a warning of the registry-image rules: fly is run.
    expect(r.err).toContain("'password' must be a string, not an object");
    expect(r.err).toContain("the value comes from var 'docker_hub_password'");
    expect(fake.calls()[0]?.args).toContain(vars);
    expect(r.code).toBe(0);
  });
});
