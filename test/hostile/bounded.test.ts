/**
 * Bounded work: alias bombs are refused as go-yaml refuses them, in every command that reads
 * YAML; text output is linear and cut to a sane width, with at most N findings per file; deep
 * nesting and huge files get clean errors. Inputs are generated here; each run is a child
 * process with a time and memory bound.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeFly, runMain } from "../cli/fake-fly.ts";
import { runSdk } from "../helpers/run-sdk.ts";
import { noInternals, Scratch } from "./scratch.ts";

/** The classic "billion laughs": 9 levels of 9 aliases, a few hundred bytes. */
function aliasBomb(levels = 9): string {
  const names = "abcdefghijklmnop";
  const lines = [`${names[0]}: &${names[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < levels; i++) {
    const prev = `*${names[i - 1]}`;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(prev).join(",")}]`);
  }
  return `${lines.join("\n")}\njobs: []\n`;
}

let scratch: Scratch;
let bomb: string;
beforeAll(() => {
  scratch = new Scratch();
  bomb = scratch.write("bomb.yml", aliasBomb());
});
afterAll(() => scratch.dispose());

const EXCESSIVE = "yaml: document contains excessive aliasing";

describe.concurrent("alias bombs", () => {
  it("lint refuses one with go-yaml's message, quickly and in little memory", async () => {
    const r = await runSdk(["lint", bomb], { timeoutMs: 20_000, maxOldSpaceMb: 128 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`error yaml-syntax: ${EXCESSIVE}`);
    expect(noInternals(r.stdout + r.stderr)).toBe(true);
  });

  it("import refuses one of only 6 levels", async () => {
    const six = scratch.write("six.yml", aliasBomb(6).replace("jobs: []", "jobs:\n- name: j\n  plan:\n  - in_parallel: *f"));
    const r = await runSdk(["import", six], { timeoutMs: 20_000, maxOldSpaceMb: 128 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(EXCESSIVE);
  });

  it("graph refuses one", async () => {
    const r = await runSdk(["graph", bomb, "--format", "dot"], { timeoutMs: 20_000, maxOldSpaceMb: 128 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(EXCESSIVE);
  });

  it("diff refuses one that fly returns", async () => {
    const fake = new FakeFly();
    try {
      const r = await runMain(["diff", "-t", "ci", "-p", "x", "packages/examples/blog/pipeline.ts"], fake, { FAKE_FLY_GET_PIPELINE: bomb });
      expect(r.code).toBe(1);
      expect(r.err).toContain(EXCESSIVE);
    } finally {
      fake.dispose();
    }
  });

  it("a document with many honest aliases still passes", async () => {
    const anchors = ["common: &common {type: git, source: {uri: x}}", "resources:"];
    for (let i = 0; i < 300; i++) anchors.push(`- <<: *common\n  name: r${i}`);
    anchors.push("jobs:\n- name: j\n  plan:", ...Array.from({ length: 300 }, (_, i) => `  - get: r${i}`));
    const file = scratch.write("honest.yml", `${anchors.join("\n")}\n`);
    const r = await runSdk(["lint", file, "--format", "json"], { timeoutMs: 20_000 });
    expect(r.stdout).not.toContain("excessive aliasing");
    expect(r.code).toBe(0);
  });
});

describe.concurrent("text output stays linear and readable", () => {
  it("20k top-level keys, every finding printed: linear time", async () => {
    const file = scratch.write("keys.yml", Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}\n`).join(""));
    const r = await runSdk(["lint", file, "--max-findings", "100000"], { timeoutMs: 40_000, maxOldSpaceMb: 384 });
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toContain("1 error, 20000 warnings in 1 file");
    expect(r.stdout.match(/unknown-top-level-key/g)?.length).toBe(20_000);
  });

  it("a 14 KB one-line JSON with 300 errors: frames cut to the column, at most 100 findings, the rest counted", async () => {
    const jobs = Array.from({ length: 300 }, (_, i) => ({ name: `j${i}`, plan: [{ get: `missing-${i}` }] }));
    const file = scratch.write("one-line.json", JSON.stringify({ jobs }));
    const r = await runSdk(["lint", file], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeLessThan(100_000);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThan(400);
    expect(r.stdout).toContain("200 more findings not shown (the first 100 are above); give --max-findings N");
    expect(r.stdout).toContain("300 errors, 0 warnings in 1 file");
    const all = await runSdk(["lint", file, "--max-findings", "1000"], { timeoutMs: 20_000 });
    expect(all.stdout.match(/error unknown-resource/g)?.length).toBe(300);
  });
});

describe("text output of a long line with many findings", () => {
  it("a 900 KB one-line JSON with 20k errors: text takes about what json takes (each line masked once, not once per frame)", async () => {
    const jobs = Array.from({ length: 20_000 }, (_, i) => ({ name: `j${i}`, plan: [{ get: `nope${i}` }] }));
    const file = scratch.write("long-line.json", JSON.stringify({ jobs }));
    // Run one after the other under the same load; the ratio, not a wall time, is the bound.
    const json = await runSdk(["lint", file, "--format", "json"], { timeoutMs: 60_000, maxOldSpaceMb: 512 });
    const text = await runSdk(["lint", file], { timeoutMs: 60_000, maxOldSpaceMb: 512 });
    expect(json.code).toBe(1);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("20000 errors, 0 warnings in 1 file");
    // Masking the whole line for each of 100 frames made text 4.5x json (3.5 s against 0.8 s).
    expect(text.ms).toBeLessThan(json.ms * 2.5);
  });
});

describe.concurrent("huge and deep inputs", () => {
  it("nesting 10,000 deep: one clean error, no stack overflow, no 20 KB line", async () => {
    const file = scratch.write("deep.yml", `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`);
    const r = await runSdk(["lint", file], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error yaml-syntax: yaml: the document nests too deeply for contrail to read");
    expect(noInternals(r.stdout + r.stderr)).toBe(true);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThan(400);
  });

  it("a file past the size limit: a clear 'too large' error naming the limit and the flag, not a heap crash", async () => {
    // Just past the 8 MB limit: refused before it is parsed, as a 50 MB one is (which
    // once died with V8's "Reached heap limit").
    const chunk = "- name: job\n  plan: []\n".repeat(1000);
    const file = scratch.write("huge.yml", `jobs:\n${chunk.repeat(Math.ceil((9 * 1024 * 1024) / chunk.length))}`);
    const r = await runSdk(["lint", file], { timeoutMs: 30_000, maxOldSpaceMb: 512 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.yml: too large \(9\.0 MB; the limit is 8\.0 MB\)\. Split the pipeline, or give --max-size MB/);
    expect(noInternals(r.stderr)).toBe(true);
  });

  it("a bad --max-size is a usage error", async () => {
    const r = await runSdk(["lint", bomb, "--max-size", "lots"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--max-size takes a number of megabytes greater than 0 (got 'lots')");
  });
});
