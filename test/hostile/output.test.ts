/**
 * Safe output (issue 13, item 3): no command replaces the input it was made from, pipeline
 * names are checked before they become file names or fly arguments, output stays inside
 * `-o DIR`, and every write is atomic: a failed one leaves the old file and says so in one
 * line. Through the binary as a user runs it, except the write failures that need a disk
 * that is full or read-only, which inject the failing call into the atomic write itself.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "../../packages/sdk/src/cli/command.ts";
import { type WriteFs, writeFileAtomic } from "../../packages/sdk/src/io/atomic-write.ts";
import { FakeFly, runBinary } from "../cli/fake-fly.ts";
import { runSdk } from "../helpers/run-sdk.ts";

const PIPELINE_TS = `import { Job, Pipeline, Task } from "contrail";
const job = new Job("hello", { plan: [new Task("say", { image: { repository: "alpine" }, run: { path: "echo" } })] });
export default new Pipeline({ jobs: [job] });
`;

const YAML = `jobs:
- name: hello
  plan:
  - task: say
    config:
      platform: linux
      image_resource: {type: registry-image, source: {repository: alpine}}
      run: {path: echo}
`;

/** A pipeline.ts exporting one pipeline per name given. */
function exportsNamed(names: readonly string[]): string {
  const lines = names.map(
    (name, i) =>
      `export const p${i} = new Pipeline({ name: ${JSON.stringify(name)}, jobs: [new Job("j${i}", { plan: [new Task("t", { image: { repository: "alpine" }, run: { path: "true" } })] })] });`,
  );
  return `import { Job, Pipeline, Task } from "contrail";\n${lines.join("\n")}\n`;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "contrail-hostile-output-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under `root`, relative, sorted. */
function listing(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).sort();
}

function expectOneLine(stderr: string): void {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain("internal error");
}

describe("an output never replaces its input", () => {
  it("render pipeline.ts -o pipeline.ts, also through a symlink", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), PIPELINE_TS);
    fs.symlinkSync("pipeline.ts", join(dir, "link.ts"));
    for (const out of ["pipeline.ts", "./pipeline.ts", "link.ts"]) {
      const r = await runSdk(["render", "pipeline.ts", "-o", out], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`the output ${out} is the input file`);
      expectOneLine(r.stderr);
      expect(fs.readFileSync(join(dir, "pipeline.ts"), "utf8")).toBe(PIPELINE_TS);
    }
    expect((await runSdk(["render", "pipeline.ts", "-o", "pipeline.yml"], { cwd: dir })).code).toBe(0);
  });

  it("graph pipeline.ts -o pipeline.ts", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), PIPELINE_TS);
    const r = await runSdk(["graph", "pipeline.ts", "--format", "dot", "-o", "pipeline.ts"], { cwd: dir });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(fs.readFileSync(join(dir, "pipeline.ts"), "utf8")).toBe(PIPELINE_TS);
  });

  it("import x.yml -o x.yml --force, also through a hard link", async () => {
    fs.writeFileSync(join(dir, "x.yml"), YAML);
    fs.linkSync(join(dir, "x.yml"), join(dir, "hard.yml"));
    for (const out of ["x.yml", "hard.yml"]) {
      const r = await runSdk(["import", "x.yml", "-o", out, "--force"], { cwd: dir });
      expect(r.code).toBe(2);
      expectOneLine(r.stderr);
      expect(fs.readFileSync(join(dir, "x.yml"), "utf8")).toBe(YAML);
    }
  });
});

describe("pipeline names are checked before they become file names", () => {
  it("render -o DIR refuses '../victim' and writes nothing, inside or outside DIR", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), exportsNamed(["ok", "../victim"]));
    fs.mkdirSync(join(dir, "out"));
    const r = await runSdk(["render", "pipeline.ts", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pipeline "../victim" (export p1) contains a path separator');
    expect(listing(dir)).toEqual(["out", "pipeline.ts"]);
  });

  it("refuses control characters, showing them escaped, never raw", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), exportsNamed(["a\u001b[31mb", "c\u202ed"]));
    const r = await runSdk(["render", "pipeline.ts", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"a\\u001b[31mb"');
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).not.toContain("\u202e");
    expect(fs.existsSync(join(dir, "out"))).toBe(false);
  });

  it("two exports of one name are an error, not a silent overwrite", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), exportsNamed(["same", "same"]));
    const r = await runSdk(["render", "pipeline.ts", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('exports p0 and p1 are both named "same"');
    expect(fs.existsSync(join(dir, "out"))).toBe(false);
  });

  it("sdk set --all passes no bad name on to fly", async () => {
    const fake = new FakeFly();
    try {
      fs.writeFileSync(join(dir, "pipeline.ts"), exportsNamed(["good", "../evil"]));
      const r = await runBinary(["set", "-t", "ci", "--all", join(dir, "pipeline.ts")], fake);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('pipeline "../evil" (export p1) contains a path separator');
      expect(fake.calls()).toEqual([]);
    } finally {
      fake.dispose();
    }
  });
});

describe("writes are atomic", () => {
  /** node:fs with one call failing with `code`. */
  function failing(call: keyof WriteFs, code: string): WriteFs {
    return {
      ...fs,
      [call]: () => {
        throw Object.assign(new Error(`${code}: simulated`), { code });
      },
    } as WriteFs;
  }

  for (const [call, code, reason] of [
    ["writeSync", "ENOSPC", "no space left on the device"],
    ["openSync", "EROFS", "the file system is read-only"],
    ["renameSync", "EACCES", "permission denied"],
  ] as const) {
    it(`${code} while writing keeps the old file, leaves no temporary file, and says so in one line`, () => {
      const path = join(dir, "pipeline.yml");
      fs.writeFileSync(path, "old: content\n");
      let error: unknown;
      try {
        writeFileAtomic(path, "new: content\n", "pipeline.yml", failing(call, code));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toBe(`error: cannot write pipeline.yml: ${reason} (${code}); pipeline.yml is unchanged.`);
      expect(fs.readFileSync(path, "utf8")).toBe("old: content\n");
      expect(listing(dir)).toEqual(["pipeline.yml"]);
    });
  }

  it("writes through a private temporary file and keeps the replaced file's mode", () => {
    const path = join(dir, "pipeline.yml");
    fs.writeFileSync(path, "old\n");
    fs.chmodSync(path, 0o640);
    const opened: Array<{ file: string; mode: unknown }> = [];
    const spy = {
      ...fs,
      openSync: (file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
        opened.push({ file: String(file), mode });
        return fs.openSync(file, flags, mode);
      },
    } as WriteFs;
    writeFileAtomic(path, "new\n", "pipeline.yml", spy);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.file).toMatch(/[/\\]\.pipeline\.yml\.\d+\.[0-9a-f]+\.tmp$/);
    expect(opened[0]?.mode).toBe(0o600);
    expect(fs.readFileSync(path, "utf8")).toBe("new\n");
    expect(fs.statSync(path).mode & 0o777).toBe(0o640);
    expect(listing(dir)).toEqual(["pipeline.yml"]);
  });

  it("through the CLI: a write that cannot happen is one line and exit 2", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), PIPELINE_TS);
    fs.writeFileSync(join(dir, "file"), "not a folder\n");
    const r = await runSdk(["render", "pipeline.ts", "-o", "file/pipeline.yml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "error: cannot write file/pipeline.yml: a part of the path is not a directory (ENOTDIR); nothing was written.",
    );
    expectOneLine(r.stderr);
    expect(fs.readFileSync(join(dir, "file"), "utf8")).toBe("not a folder\n");
  });

  it("-o onto a FIFO that nothing reads: one line and exit 2, not a hang; with a reader, it gets the pipeline", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), PIPELINE_TS);
    execFileSync("mkfifo", [join(dir, "fifo")]);
    const alone = await runSdk(["render", "pipeline.ts", "-o", "fifo"], { cwd: dir, timeoutMs: 20_000 });
    expect(alone.timedOut).toBe(false);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("error: cannot write fifo: it is a FIFO that nothing reads from (ENXIO); fifo is unchanged.");
    expectOneLine(alone.stderr);
    expect(fs.statSync(join(dir, "fifo")).isFIFO()).toBe(true);
    // A reader that holds the FIFO open, as `sdk render -o fifo & cat fifo` would.
    const reader = spawn("cat", [join(dir, "fifo")], { stdio: ["ignore", "pipe", "ignore"] });
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => {
      read += chunk.toString();
    });
    const closed = new Promise((done) => reader.on("close", done));
    await new Promise((done) => setTimeout(done, 200));
    const served = await runSdk(["render", "pipeline.ts", "-o", "fifo"], { cwd: dir, timeoutMs: 20_000 });
    await closed;
    expect(served.code).toBe(0);
    expect(read).toMatch(/^# Generated by contrail[\s\S]*name: hello/);
  });

  it("readers never see a partial file while renders replace it", async () => {
    fs.writeFileSync(join(dir, "pipeline.ts"), PIPELINE_TS);
    expect((await runSdk(["render", "pipeline.ts", "-o", "pipeline.yml"], { cwd: dir })).code).toBe(0);
    const full = fs.readFileSync(join(dir, "pipeline.yml"), "utf8");
    const { repoRoot } = await import("../helpers/paths.ts");
    const writers = Array.from({ length: 3 }, () =>
      spawn(process.execPath, [join(repoRoot, "packages/sdk/bin/sdk.js"), "render", "pipeline.ts", "-o", "pipeline.yml"], {
        cwd: dir,
        stdio: "ignore",
      }),
    );
    const done = Promise.all(writers.map((w) => new Promise((resolve) => w.on("close", resolve))));
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    const seen = new Set<string>();
    while (!finished) {
      seen.add(fs.readFileSync(join(dir, "pipeline.yml"), "utf8"));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect([...seen]).toEqual([full]);
    expect(listing(dir)).toEqual(["pipeline.ts", "pipeline.yml"]);
  });
});
