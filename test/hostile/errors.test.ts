/**
 * Clean errors: each broken input gets one line naming the file, the problem and the fix,
 * with exit 2 (usage or IO) or 1 (the pipeline); never "internal error ... This is a bug"
 * or a stack trace. Run through the binary, as users run it.
 */

import { spawn } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_LAYOUT_NODES } from "../../packages/sdk/src/graph/layout.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runSdk } from "../helpers/run-sdk.ts";
import { noInternals, Scratch } from "./scratch.ts";

const BLOG = "packages/examples/blog/pipeline.ts";

let scratch: Scratch;
beforeAll(() => {
  scratch = new Scratch();
});
afterAll(() => scratch.dispose());

describe.concurrent("files that cannot be read", () => {
  it("a directory, for lint, graph and import (exit 2)", async () => {
    // A folder of its own: the other tests write files into the scratch folder meanwhile.
    const folder = mkdtempSync(join(scratch.dir, "folder-"));
    for (const args of [
      ["lint", folder],
      ["graph", `${folder}/`],
      ["import", folder],
    ]) {
      const r = await runSdk(args);
      expect(r.code).toBe(2);
      expect(noInternals(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(/is a directory; give the pipeline file inside it\.|no such file|holds no \.yml or \.yaml file/);
    }
  });

  it("a file that cannot be read, even by root (/proc/self/mem): exit 2, one line", async () => {
    const r = await runSdk(["lint", "/proc/self/mem"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("sdk lint: /proc/self/mem: cannot be read (EIO).\n");
  });
});

describe.concurrent("writes that fail", () => {
  it("a full disk (/dev/full): one line naming the file, exit 2", async () => {
    const r = await runSdk(["render", BLOG, "-o", "/dev/full"]);
    expect(r.code).toBe(2);
    // Written to, never replaced: renaming a file over it would swap the device for a file.
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
    expect(r.stderr).toMatch(/\nerror: cannot write \/dev\/full: no space left on the device \(ENOSPC\); \/dev\/full is unchanged\.\n$/);
    expect(noInternals(r.stderr)).toBe(true);
  });

  it("a place no one can write, not even root (/proc): one line, exit 2", async () => {
    const r = await runSdk(["graph", BLOG, "--format", "dot", "-o", "/proc/version"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot write \/proc\/version: .+\.\n$/);
    expect(noInternals(r.stderr)).toBe(true);
  });
});

describe.concurrent("broken pipelines", () => {
  it("a plain object where a step belongs: not-a-step with its path, exit 1", async () => {
    const file = scratch.write(
      "plain.ts",
      'import { Job, Pipeline } from "contrail";\nexport default new Pipeline({ jobs: [new Job("j", { plan: [{ get: "repo" } as never] })] });\n',
    );
    const r = await runSdk(["render", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error not-a-step: a plain object is not a step");
    expect(r.stderr).toContain("jobs.j.plan[0]");
    expect(r.stderr).toContain("use rawStep({...})");
    expect(noInternals(r.stderr)).toBe(true);
  });

  it("invalid UTF-8: refused with go-yaml's message at its place", async () => {
    const file = scratch.write(
      "latin1.yml",
      Buffer.concat([Buffer.from("jobs:\n- name: caf"), Buffer.from([0xff]), Buffer.from("\n  plan: []\n")]),
    );
    const r = await runSdk(["lint", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("latin1.yml:2:12: error yaml-syntax: yaml: invalid leading UTF-8 octet");
    const latin1 = scratch.write(
      "latin1-e9.yml",
      Buffer.concat([Buffer.from("jobs:\n- name: caf"), Buffer.from([0xe9]), Buffer.from("\n  plan: []\n")]),
    );
    expect((await runSdk(["lint", latin1])).stdout).toContain("latin1-e9.yml:2:13: error yaml-syntax: yaml: invalid trailing UTF-8 octet");
    const graph = await runSdk(["graph", file, "--format", "dot"]);
    expect(graph.code).toBe(1);
    expect(graph.stderr).toContain("invalid leading UTF-8 octet");
  });

  it("a second YAML document: a warning that Concourse ignores it", async () => {
    const file = scratch.write("two.yml", "jobs:\n- name: a\n  plan: []\n---\njobs:\n- name: b\n  plan: []\n");
    const r = await runSdk(["lint", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "two.yml:4:1: warning yaml-multiple-documents: the file holds more than one YAML document: Concourse reads only the first and ignores the rest",
    );
  });

  it("graphviz past its node limit: one line with what to do instead, exit 1", async () => {
    // One past the limit proves it as well as the 20k jobs that once took graphviz down.
    const jobs = Array.from({ length: MAX_LAYOUT_NODES + 1 }, (_, i) => `- name: j${i}\n  plan: []\n`).join("");
    const file = scratch.write("wide.yml", `jobs:\n${jobs}`);
    const r = await runSdk(["graph", file, "-o", `${scratch.dir}/wide.svg`], { timeoutMs: 60_000, maxOldSpaceMb: 512 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `cannot draw it as svg: ${MAX_LAYOUT_NODES + 1} jobs and resources are more than the ${MAX_LAYOUT_NODES} that can be laid out\\. .*--format dot or mermaid`,
      ),
    );
    expect(noInternals(r.stderr)).toBe(true);
  });
});

describe.concurrent("sdk lint | head", () => {
  it("EPIPE on stdout: quiet, and the exit code is lint's own", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `k${i}: ${i}\n`).join("");
    const file = scratch.write("many.yml", lines);
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [resolve(repoRoot, "packages/sdk/bin/sdk.js"), "lint", file, "--max-findings", "5000"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      // Like `head -1`: read the first chunk, then go away.
      child.stdout.once("data", () => child.stdout.destroy());
      child.on("close", (code) => done({ code, stderr }));
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
  });
});
