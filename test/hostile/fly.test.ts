/**
 * fly under hostile conditions: every signal that ends contrail ends fly and removes the
 * temporary files; fly's stdin is closed where no prompt is wanted; contrail waits for fly's
 * exit, not for its stdout to close; --fly-timeout stops a fly that hangs; vars never reach
 * fly's argv.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeFly, runBinary, runMain } from "../cli/fake-fly.ts";

const BLOG = "packages/examples/blog/pipeline.ts";

let fake: FakeFly;
beforeEach(() => {
  fake = new FakeFly();
});
afterEach(() => {
  const background = join(fake.record, "background");
  if (fs.existsSync(background)) {
    try {
      process.kill(Number(fs.readFileSync(background, "utf8")), "SIGKILL");
    } catch {
      // already gone
    }
  }
  fake.dispose();
});

/** True while `pid` runs (a zombie waiting for a reaper has ended). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("signals while fly runs", () => {
  for (const [signal, code] of [
    ["SIGHUP", 129],
    ["SIGQUIT", 131],
  ] as const) {
    it(`${signal}: forwarded to fly, which ends; files removed; exit ${code}`, async () => {
      let flyPid = 0;
      const r = await runBinary(
        ["set", "-t", "ci", "-p", "blog", BLOG, "-v", "docker_hub_password=hunter2"],
        fake,
        { FAKE_FLY_SLEEP: "30" },
        {
          whenStarted: (child) => {
            flyPid = Number(fs.readFileSync(join(fake.record, "started"), "utf8"));
            child.kill(signal);
          },
        },
      );
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(`sdk set: interrupted by ${signal}; fly exited with ${code}; the temporary pipeline file was removed`);
      const call = fake.calls()[0];
      expect(call?.signal).toBe(signal);
      expect(alive(flyPid)).toBe(false);
      expect(fs.existsSync(call?.configPath ?? "")).toBe(false);
      expect(call?.varsFiles?.at(-1)?.text).toContain("hunter2");
      expect(fs.existsSync(call?.varsFiles?.at(-1)?.path ?? "")).toBe(false);
      expect(fake.leftovers()).toEqual([]);
    }, 60_000);
  }
});

describe("sdk diff and fly's stdin and stdout", () => {
  it("closes fly's stdin: a fly that prompts gets end of file and fails, instead of hanging unseen", async () => {
    const started = Date.now();
    const r = await runMain(["diff", "-t", "ci", "-p", "blog", BLOG], fake, { FAKE_FLY_LOGIN_PROMPT: "1" });
    expect(r.execs[0]?.options?.closeStdin).toBe(true);
    expect(r.code).toBe(1);
    expect(r.err).toContain("error: no username");
    expect(r.err).toContain("sdk diff: fly get-pipeline failed (exit 1)");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("returns when fly exits, though a background child of fly still holds its stdout", async () => {
    const current = fake.write("current.yml", "jobs:\n- name: old\n  plan: []\n");
    const started = Date.now();
    const r = await runMain(["diff", "-t", "ci", "-p", "blog", BLOG], fake, { FAKE_FLY_GET_PIPELINE: current, FAKE_FLY_BACKGROUND: "60" });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    expect(r.out).toContain("- job old");
    expect(r.out).toContain("+ job build-my-repo");
  });
});

describe("--fly-timeout", () => {
  it("stops a fly that hangs, removes the file, exit 1 with a line saying so", async () => {
    const r = await runMain(["set", "-t", "ci", "-p", "blog", BLOG, "--fly-timeout", "1"], fake, { FAKE_FLY_SLEEP: "60" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("sdk set: fly did not finish within 1 s and was stopped");
    expect(fake.calls()[0]?.signal).toBe("SIGTERM");
    expect(fake.leftovers()).toEqual([]);
  }, 30_000);

  it("also from CONTRAIL_FLY_TIMEOUT; a bad value is a usage error", async () => {
    const r = await runMain(["validate", BLOG], fake, { FAKE_FLY_SLEEP: "60", CONTRAIL_FLY_TIMEOUT: "1" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("sdk validate: fly did not finish within 1 s");
    const bad = await runMain(["diff", "-t", "ci", "-p", "x", BLOG, "--fly-timeout=-3"], fake);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--fly-timeout takes a number of seconds greater than 0 (got '-3')");
  }, 30_000);
});

describe("vars for fly", () => {
  it("sdk validate -v/-y: values in a private vars file, never in argv or output", async () => {
    const r = await runMain(["validate", BLOG, "-v", "pw=hunter2", "-y", "deep.key=[s3cret]"], fake);
    expect(r.code).toBe(0);
    const call = fake.calls()[0];
    expect(call?.args.join(" ")).not.toMatch(/hunter2|s3cret/);
    expect(call?.varsFiles?.[0]?.mode).toBe("600");
    expect(call?.varsFiles?.[0]?.text).toBe('"pw": "hunter2"\n"deep":\n  "key":\n    [s3cret]\n');
    expect(r.out + r.err).not.toMatch(/hunter2|s3cret/);
    expect(fake.leftovers()).toEqual([]);
  });
});
