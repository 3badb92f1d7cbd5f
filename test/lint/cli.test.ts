/**
 * `sdk lint` through the CLI entry point, with a fake Io: output of each format, exit codes,
 * usage errors. Text and github outputs are compared with golden files.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import type { Io } from "../../packages/sdk/src/io/io.ts";
import { repoRoot } from "./shared.ts";

const BAD = `resources:
- name: repo
  type: git
  source:
    uri: https://example.com/a,b.git
    password: hunter2
jobs:
- name: build
  plan:
  - get: repo
  - get: nope
`;

const CLEAN = "jobs:\n- name: build\n  plan: []\n";

function fakeIo(files: Record<string, string>) {
  const out = { stdout: "", stderr: "" };
  const io: Io = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    cwd: "/project",
    env: {},
    isTTY: false,
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: "ENOENT" });
      return text;
    },
    writeFile: () => undefined,
    exists: (p) => p in files,
    isDirectory: () => false,
    readDir: () => [],
    exec: async () => ({ code: 0, signal: null, stdout: "", stderr: "" }),
  };
  return { io, out };
}

const golden = (name: string) => readFileSync(path.join(repoRoot, "test/lint/fixtures/golden", name), "utf8");

describe("sdk lint", () => {
  it("prints text with code frames and a summary, exit 1 on errors", async () => {
    const { io, out } = fakeIo({ "p.yml": BAD });
    expect(await main(["lint", "p.yml"], io)).toBe(1);
    expect(out.stdout).toBe(golden("bad.text.txt"));
    expect(out.stderr).toBe("");
  });

  it("prints GitHub workflow commands with escaped properties", async () => {
    const { io, out } = fakeIo({ "dir,a:b/p.yml": BAD });
    expect(await main(["lint", "--format", "github", "dir,a:b/p.yml"], io)).toBe(1);
    expect(out.stdout).toBe(golden("bad.github.txt"));
  });

  it("prints JSON with exactly the public fields", async () => {
    const { io, out } = fakeIo({ "p.yml": BAD });
    expect(await main(["lint", "--format=json", "p.yml"], io)).toBe(1);
    const rows = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => ["code", "severity", "message", "path", "file", "line", "column"]));
    expect(rows.map((r) => r.code)).toEqual(["unknown-resource", "plaintext-credential"]);
    expect(rows[0]).toMatchObject({ severity: "error", path: "jobs.build.plan[1].get", file: "p.yml", line: 11, column: 5 });
  });

  it("prints SARIF 2.1.0 with one rule per code", async () => {
    const { io, out } = fakeIo({ "p.yml": BAD });
    expect(await main(["lint", "--format", "sarif", "p.yml"], io)).toBe(1);
    const log = JSON.parse(out.stdout);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["plaintext-credential", "unknown-resource"]);
    expect(run.results[0]).toMatchObject({ ruleId: "unknown-resource", level: "error", ruleIndex: 1 });
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 11, startColumn: 5 });
  });

  it("exits 0 on warnings, 1 with --strict, and honours --rule", async () => {
    const warnOnly = BAD.replace("  - get: nope\n", "");
    let { io } = fakeIo({ "p.yml": warnOnly });
    expect(await main(["lint", "p.yml"], io)).toBe(0);
    ({ io } = fakeIo({ "p.yml": warnOnly }));
    expect(await main(["lint", "--strict", "p.yml"], io)).toBe(1);
    const { io: io2, out } = fakeIo({ "p.yml": warnOnly });
    expect(await main(["lint", "--strict", "--rule", "plaintext-credential=off", "p.yml"], io2)).toBe(0);
    expect(out.stdout).toBe("0 errors, 0 warnings in 1 file\n");
    const { io: io3 } = fakeIo({ "p.yml": warnOnly });
    expect(await main(["lint", "--rule", "plaintext-credential=error", "p.yml"], io3)).toBe(1);
  });

  it("lints several files and counts them", async () => {
    const { io, out } = fakeIo({ "a.yml": CLEAN, "b.yml": CLEAN });
    expect(await main(["lint", "a.yml", "b.yml"], io)).toBe(0);
    expect(out.stdout).toBe("0 errors, 0 warnings in 2 files\n");
  });

  it("exits 2 on usage errors with one clear line", async () => {
    let f = fakeIo({});
    expect(await main(["lint"], f.io)).toBe(2);
    expect(f.out.stderr).toMatch(/^sdk lint: no files given\n/);
    f = fakeIo({ "p.yml": CLEAN });
    expect(await main(["lint", "--bogus", "p.yml"], f.io)).toBe(2);
    expect(f.out.stderr).toMatch(/--bogus/);
    f = fakeIo({ "p.yml": CLEAN });
    expect(await main(["lint", "--format", "xml", "p.yml"], f.io)).toBe(2);
    f = fakeIo({ "p.yml": CLEAN });
    expect(await main(["lint", "--rule", "nope=off", "p.yml"], f.io)).toBe(2);
    f = fakeIo({});
    expect(await main(["lint", "missing.yml"], f.io)).toBe(2);
    expect(f.out.stderr).toBe("sdk lint: missing.yml: no such file; check the path.\n");
    expect(f.out.stdout).toBe("");
  });
});
