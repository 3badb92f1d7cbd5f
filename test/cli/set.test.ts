/**
 * `sdk set` against the fake fly: the exact fly invocation, pass-through flags, secrets,
 * refusing broken pipelines, several pipelines, and the temporary file.
 */
import * as fs from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderPipeline } from "../../packages/sdk/src/render/render.ts";
import { FakeFly, runMain } from "./fake-fly.ts";

const BLOG = "packages/examples/blog/pipeline.ts";
/** A PATH with node (the fake fly's interpreter) but no fly. */
const NODE_ONLY = dirname(process.execPath);
let fake: FakeFly;

beforeEach(() => {
  fake = new FakeFly();
});
afterEach(() => fake.dispose());

async function blogYaml(): Promise<string> {
  const { default: pipeline } = await import("../../packages/examples/blog/pipeline.ts");
  return renderPipeline(pipeline, { sourceFile: BLOG }).text;
}

describe("sdk set", () => {
  it("runs fly set-pipeline -n with the rendered YAML in a private temporary file, then removes it", async () => {
    const r = await runMain(["set", "-t", "ci", "-p", "blog", BLOG], fake);
    expect(r.code).toBe(0);
    const [call, ...more] = fake.calls();
    expect(more).toEqual([]);
    expect(call?.args).toEqual(["-t", "ci", "set-pipeline", "-p", "blog", "-c", call?.configPath, "--non-interactive"]);
    expect(call?.configPath?.startsWith(`${fake.tmp}/contrail-`)).toBe(true);
    expect(call?.configMode).toBe("600");
    expect(call?.config).toBe(await blogYaml());
    expect(fs.existsSync(call?.configPath ?? "")).toBe(false);
    expect(fake.leftovers()).toEqual([]);
    // fly's output goes straight to the user, and it runs from an argument array.
    expect(r.execs).toHaveLength(1);
    expect(r.execs[0]?.command).toBe(fake.fly);
    expect(r.execs[0]?.options?.capture).toBeFalsy();
    expect(r.execs[0]?.options?.input).toBeUndefined();
  });

  it("passes every fly flag through, repeated where fly repeats them", async () => {
    const r = await runMain(
      [
        "set",
        "-t",
        "ci",
        "-p",
        "blog",
        BLOG,
        "-v",
        "a=1",
        "--var",
        "b=two words",
        "-y",
        "n=4",
        "--yaml-var",
        "list=[1,2]",
        "-l",
        "vars.yml",
        "--load-vars-from",
        "more.yml",
        "-i",
        "branch=main",
        "--instance-var",
        "env=prod",
        "--team",
        "ops",
        "--check-creds",
        "--dry-run",
      ],
      fake,
    );
    expect(r.code).toBe(0);
    const call = fake.calls()[0];
    expect(call?.args).toEqual([
      "-t",
      "ci",
      "set-pipeline",
      "-p",
      "blog",
      "-c",
      call?.configPath,
      "--non-interactive",
      "-l",
      "vars.yml",
      "-l",
      "more.yml",
      "-l",
      call?.varsFiles?.[2]?.path,
      "-i",
      "branch=main",
      "-i",
      "env=prod",
      "--team",
      "ops",
      "--check-creds",
      "--dry-run",
    ]);
    expect(call?.varsFiles?.[2]?.text).toBe('"a": "1"\n"b": "two words"\n"n":\n  4\n"list":\n  [1,2]\n');
    expect(fake.leftovers()).toEqual([]);
  });

  it("gives -v and -y values to fly in a private vars file, never on its argv, never printed", async () => {
    const r = await runMain(
      ["set", "-t", "ci", "-p", "blog", BLOG, "-v", "docker_hub_password=hunter2", "-y", "token=s3cret", "-i", "key=k3y"],
      fake,
    );
    expect(r.code).toBe(0);
    const call = fake.calls()[0];
    expect(call?.args.join(" ")).not.toMatch(/hunter2|s3cret/);
    const vars = call?.varsFiles?.at(-1);
    expect(vars?.mode).toBe("600");
    expect(vars?.text).toBe('"docker_hub_password": "hunter2"\n"token":\n  s3cret\n');
    expect(fs.existsSync(vars?.path ?? "")).toBe(false);
    expect(call?.config).not.toContain("hunter2");
    expect(call?.config).toContain("((docker_hub_password))");
    for (const secret of ["hunter2", "s3cret", "k3y"]) expect(r.out + r.err).not.toContain(secret);
    expect(r.err).toContain("-i key=***");
    expect(fake.leftovers()).toEqual([]);
  });

  it("never lets fly prompt: a fly that prompts without -n does not prompt", async () => {
    const r = await runMain(["set", "-t", "ci", "-p", "blog", BLOG], fake, { FAKE_FLY_PROMPT: "1" });
    expect(r.code).toBe(0);
    expect(fake.calls()[0]?.stdin).toBeUndefined();
  });

  it("passes fly's failure through (exit 1) and still removes the file", async () => {
    const r = await runMain(["set", "-t", "ci", "-p", "blog", BLOG], fake, {
      FAKE_FLY_FAIL: "not authorized. run the following to log in:",
    });
    expect(r.code).toBe(1);
    const call = fake.calls()[0];
    expect(call?.config).toBe(await blogYaml());
    expect(fs.existsSync(call?.configPath ?? "")).toBe(false);
    expect(fake.leftovers()).toEqual([]);
  });

  it("says in one line how to get fly when it is missing (exit 2)", async () => {
    const empty = new FakeFly({ install: false });
    try {
      const r = await runMain(["set", "-t", "ci", "-p", "blog", BLOG], empty, { PATH: empty.bin });
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toContain("sdk set: fly not found on PATH;");
      expect(r.err).toContain("https://<concourse>/api/v1/cli?arch=amd64&platform=linux");
      expect(r.err).toContain("fly -t TARGET sync");
      expect(r.execs).toEqual([]);
      expect(empty.leftovers()).toEqual([]);
    } finally {
      empty.dispose();
    }
  });

  it("uses --fly PATH, then FLY, before PATH", async () => {
    const elsewhere = new FakeFly();
    try {
      const viaFlag = await runMain(["set", "--fly", elsewhere.fly, "-t", "ci", "-p", "blog", BLOG], fake, { PATH: NODE_ONLY });
      expect(viaFlag.code).toBe(0);
      expect(viaFlag.execs[0]?.command).toBe(elsewhere.fly);
      const viaEnv = await runMain(["set", "-t", "ci", "-p", "blog", BLOG], fake, { PATH: `${fake.bin}:${NODE_ONLY}`, FLY: elsewhere.fly });
      expect(viaEnv.code).toBe(0);
      expect(viaEnv.execs[0]?.command).toBe(elsewhere.fly);
      const missing = await runMain(["set", "--fly", "/no/such/fly", "-t", "ci", "-p", "blog", BLOG], fake);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain("error: --fly /no/such/fly: no such executable;");
      expect(missing.execs).toEqual([]);
    } finally {
      elsewhere.dispose();
    }
  });

  it("refuses a pipeline with errors without running fly, unless --force", async () => {
    const refused = await runMain(["set", "-t", "ci", "-p", "broken", "test/cli/fixtures/broken.ts"], fake);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("error invalid-duration: invalid cache ttl '1x'");
    expect(refused.err).toContain("give --force");
    expect(fake.calls()).toEqual([]);
    const forced = await runMain(["set", "-t", "ci", "-p", "broken", "test/cli/fixtures/broken.ts", "--force"], fake);
    expect(forced.code).toBe(0);
    expect(fake.calls()[0]?.config).toContain("ttl: 1x");
    expect(fake.leftovers()).toEqual([]);
  });

  it("with several pipelines: --pipeline picks one, --all sets each under its own name", async () => {
    const file = "test/cli/fixtures/two-pipelines.ts";
    const ambiguous = await runMain(["set", "-t", "ci", "-p", "x", file], fake);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain("exports 2 pipelines (main, release-line); pick one with --pipeline NAME, or give --all");

    const one = await runMain(["set", "-t", "ci", "-p", "rl", "--pipeline", "release-line", file], fake);
    expect(one.code).toBe(0);
    expect(fake.calls()[0]?.args.slice(0, 5)).toEqual(["-t", "ci", "set-pipeline", "-p", "rl"]);
    expect(fake.calls()[0]?.config).toContain("name: release");

    const all = await runMain(["set", "-t", "ci", "--all", file, "-v", "x=1"], fake);
    expect(all.code).toBe(0);
    const calls = fake.calls().slice(1);
    expect(calls.map((c) => c.args[4])).toEqual(["main", "release-line"]);
    expect(calls.map((c) => c.args.at(-2))).toEqual(["-l", "-l"]);
    expect(calls.map((c) => c.varsFiles?.[0]?.text)).toEqual(['"x": "1"\n', '"x": "1"\n']);
    expect(fake.leftovers()).toEqual([]);

    const both = await runMain(["set", "-t", "ci", "--all", "-p", "x", file], fake);
    expect(both.code).toBe(2);
    expect(both.err).toContain("-p NAME and --all do not go together");
  });

  it("needs -t and -p (exit 2, before anything runs)", async () => {
    const noTarget = await runMain(["set", "-p", "blog", BLOG], fake);
    expect(noTarget.code).toBe(2);
    expect(noTarget.err).toContain("-t TARGET is required");
    const noName = await runMain(["set", "-t", "ci", BLOG], fake);
    expect(noName.code).toBe(2);
    expect(noName.err).toContain("-p NAME is required");
    const badVar = await runMain(["set", "-t", "ci", "-p", "blog", BLOG, "-v", "novalue"], fake);
    expect(badVar.code).toBe(2);
    expect(fake.calls()).toEqual([]);
  });
});
