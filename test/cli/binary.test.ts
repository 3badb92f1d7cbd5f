/**
 * The `sdk` binary as a child process against the fake fly: fly's output and exit code
 * reach the user unchanged, a declined prompt, and Ctrl-C (SIGINT/SIGTERM) while fly runs.
 * In every case the temporary pipeline file is gone afterwards.
 */
import * as fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeFly, runBinary } from "./fake-fly.ts";

const BLOG = "packages/examples/blog/pipeline.ts";
let fake: FakeFly;

beforeEach(() => {
  fake = new FakeFly();
});
afterEach(() => fake.dispose());

describe("sdk set (binary)", () => {
  it("passes fly's output through on success", async () => {
    const r = await runBinary(["set", "-t", "ci", "-p", "blog", BLOG], fake);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("configuration updated\n");
    expect(fake.leftovers()).toEqual([]);
  });

  it("passes fly's error message and exit code 1 through unchanged", async () => {
    const r = await runBinary(["set", "-t", "ci", "-p", "a/b", BLOG], fake, { FAKE_FLY_FAIL: "pipeline name cannot contain '/'" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("\nerror: pipeline name cannot contain '/'\n");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(fake.calls()[0]?.configPath ?? "")).toBe(false);
    expect(fake.leftovers()).toEqual([]);
  });

  it("a declined prompt: fly says 'bailing out' and exits 0, which is passed through", async () => {
    const r = await runBinary(["set", "-t", "ci", "-p", "blog", BLOG], fake, { FAKE_FLY_PROMPT: "always" }, { stdin: "n\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("apply configuration? [yN]: bailing out\n");
    const call = fake.calls()[0];
    expect(call?.stdin).toBe("n\n");
    expect(call?.args).toContain("--non-interactive");
    expect(fs.existsSync(call?.configPath ?? "")).toBe(false);
    expect(fake.leftovers()).toEqual([]);
  });

  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`${signal} while fly runs: forwarded to fly, temporary file removed, exit ${code} reported`, async () => {
      const r = await runBinary(
        ["set", "-t", "ci", "-p", "blog", BLOG],
        fake,
        { FAKE_FLY_SLEEP: "30" },
        { whenStarted: (child) => child.kill(signal) },
      );
      expect(r.signal).toBeNull();
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(
        `sdk set: interrupted by ${signal}; fly exited with ${code}; the temporary pipeline file was removed (exit ${code}).`,
      );
      const call = fake.calls()[0];
      expect(call?.signal).toBe(signal);
      expect(call?.config).toContain("build-my-repo");
      expect(fs.existsSync(call?.configPath ?? "")).toBe(false);
      expect(fake.leftovers()).toEqual([]);
    });
  }

  it("SIGINT during sdk validate's fly run removes its file too", async () => {
    const r = await runBinary(["validate", BLOG], fake, { FAKE_FLY_SLEEP: "30" }, { whenStarted: (child) => child.kill("SIGINT") });
    expect(r.code).toBe(130);
    expect(fake.calls()[0]?.signal).toBe("SIGINT");
    expect(fake.leftovers()).toEqual([]);
  });
});
