/**
 * The `sdk` bin as installed: `node packages/sdk/bin/sdk.js` runs the compiled dist/ (the
 * test run rebuilds it when a source is newer), and prints what the sources print.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

const bin = resolve(repoRoot, "packages/sdk/bin/sdk.js");

function sdk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the built bin", () => {
  it("runs dist/, not the sources: the CLI's CommonJS bundle through dist/cli/boot.js", () => {
    expect(fs.readFileSync(bin, "utf8")).toContain('from "../dist/cli/boot.js"');
    expect(fs.readFileSync(resolve(repoRoot, "packages/sdk/dist/cli/boot.js"), "utf8")).toContain('"./main.cjs"');
    expect(fs.existsSync(resolve(repoRoot, "packages/sdk/dist/cli/main.cjs"))).toBe(true);
    // The bundle is the CLI's only build: no ES-module copy of it is shipped.
    expect(fs.existsSync(resolve(repoRoot, "packages/sdk/dist/cli/main.js"))).toBe(false);
  });

  it("renders the blog to its committed pipeline.yml", () => {
    const r = sdk("render", "packages/examples/blog/pipeline.ts");
    expect(r.code).toBe(0);
    expect(r.out).toBe(fs.readFileSync(resolve(repoRoot, "packages/examples/blog/pipeline.yml"), "utf8"));
  });

  it("lints YAML, and says what is wrong with exit 1", () => {
    expect(sdk("lint", "packages/examples/blog/pipeline.yml").code).toBe(0);
    const dir = fs.mkdtempSync(join(tmpdir(), "contrail-bin-"));
    const file = join(dir, "broken.yml");
    fs.writeFileSync(file, "jobs:\n- name: a\n  plan:\n  - get: nowhere\n");
    const bad = sdk("lint", file);
    fs.rmSync(dir, { recursive: true });
    expect(bad.code).toBe(1);
    expect(bad.out + bad.err).toContain("nowhere");
  });

  it("prints its version and usage errors without a stack trace", () => {
    expect(sdk("--version")).toEqual({ code: 0, out: "0.1.0\n", err: "" });
    const r = sdk("render", "--no-such-flag");
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
