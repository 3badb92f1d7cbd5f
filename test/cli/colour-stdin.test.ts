/**
 * CLI habits: colour on a terminal only (off when piped, with NO_COLOR or TERM=dumb; forced
 * with FORCE_COLOR), and `-` for standard input in lint and import. Through the binary
 * where a pipe is what is tested, and through `main` with a terminal Io where a terminal is.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { type CapturedIo, captureIo } from "../helpers/capture-io.ts";
import { runSdk } from "../helpers/run-sdk.ts";

const ESC = "\u001b[";
const BAD = `resources:
- name: repo
  type: git
  source: {uri: "https://example.com/repo.git"}
jobs:
- name: build
  plan:
  - get: repo
  - get: nope
`;
const NO_COLOUR_ENV = { FORCE_COLOR: undefined, NO_COLOR: undefined, TERM: "xterm-256color" };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "contrail-cli-habits-"));
  fs.writeFileSync(join(dir, "p.yml"), BAD);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A test Io whose stdout and stderr are terminals. */
function terminalIo(env: Record<string, string | undefined>): CapturedIo {
  const io = captureIo(dir, { env });
  return Object.assign(Object.create(io) as CapturedIo, { isTTY: true, stderrIsTTY: true });
}

describe("colour", () => {
  it("is off when piped", async () => {
    const r = await runSdk(["lint", "p.yml"], { cwd: dir, env: NO_COLOUR_ENV });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("p.yml:9:5: error unknown-resource:");
    expect(r.stdout).not.toContain(ESC);
  });

  it("is forced with FORCE_COLOR, even piped: severity, code and frame markers", async () => {
    const r = await runSdk(["lint", "p.yml"], { cwd: dir, env: { ...NO_COLOUR_ENV, FORCE_COLOR: "1" } });
    expect(r.stdout).toContain(`${ESC}31merror${ESC}39m ${ESC}1munknown-resource${ESC}22m:`);
    expect(r.stdout).toContain(`  ${ESC}31m>${ESC}39m `);
    expect(r.stdout).toContain(`${ESC}31m^${ESC}39m\n`);
    expect((await runSdk(["lint", "p.yml"], { cwd: dir, env: { ...NO_COLOUR_ENV, FORCE_COLOR: "0" } })).stdout).not.toContain(ESC);
  });

  it("is on at a terminal, off there with NO_COLOR or TERM=dumb", async () => {
    const tty = terminalIo({ TERM: "xterm" });
    // `sdk lint` reads its files relative to the process's folder, so in process: absolute.
    expect(await main(["lint", join(dir, "p.yml")], tty)).toBe(1);
    expect(tty.out).toContain(`${ESC}31merror${ESC}39m`);
    for (const env of [{ TERM: "xterm", NO_COLOR: "1" }, { TERM: "dumb" }]) {
      const io = terminalIo(env);
      expect(await main(["lint", join(dir, "p.yml")], io)).toBe(1);
      expect(io.out).toContain("error unknown-resource");
      expect(io.out).not.toContain(ESC);
    }
  });

  it("colours render's problems on standard error by that stream's own terminal", async () => {
    fs.writeFileSync(
      join(dir, "pipeline.ts"),
      `import { Job, Pipeline, Resource } from "contrail";\nconst r = new Resource("r", { type: "git", source: { uri: "x", password: "hunter2" } });\nexport default new Pipeline({ jobs: [new Job("j", { plan: [r.get()] })] });\n`,
    );
    const coloured = await runSdk(["render", "pipeline.ts"], { cwd: dir, env: { ...NO_COLOUR_ENV, FORCE_COLOR: "1" } });
    expect(coloured.code).toBe(0);
    expect(coloured.stderr).toContain(`${ESC}33mwarning${ESC}39m`);
    expect(coloured.stdout).not.toContain(ESC);
    const piped = await runSdk(["render", "pipeline.ts"], { cwd: dir, env: NO_COLOUR_ENV });
    expect(piped.stderr).toContain("warning");
    expect(piped.stderr).not.toContain(ESC);
  });
});

describe("'-' reads standard input", () => {
  it("lint -: diagnostics name <stdin>, with a code frame", async () => {
    const r = await runSdk(["lint", "-"], { cwd: dir, stdin: BAD, env: NO_COLOUR_ENV });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("<stdin>:9:5: error unknown-resource:");
    expect(r.stdout).toContain("  >  9 |   - get: nope\n");
    expect(r.stdout).toContain("in 1 file\n");
  });

  it("lint - with files, and refuses '-' twice", async () => {
    const r = await runSdk(["lint", "--format", "json", "p.yml", "-"], { cwd: dir, stdin: BAD.replace("nope", "repo") });
    const files = new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((d) => d.file));
    expect([...files].sort()).toEqual(["<stdin>", "p.yml"].sort());
    const twice = await runSdk(["lint", "-", "-"], { cwd: dir, stdin: BAD });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("'-' (standard input) can be given once");
  });

  it("import -: prints the pipeline.ts", async () => {
    const r = await runSdk(["import", "-"], { cwd: dir, stdin: BAD.replace("  - get: nope\n", "") });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('from "contrail"');
    expect(r.stdout).toContain('"build"');
  });
});
