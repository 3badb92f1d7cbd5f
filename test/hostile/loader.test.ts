/**
 * Honest exits: a pipeline.ts that ends the process, never settles, never ends or prints to
 * stdout cannot make a command exit 0 or dirty its stdout. Each case runs the binary with a
 * time and memory bound.
 */
import * as fs from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runSdk, type SdkRun } from "../helpers/run-sdk.ts";
import { noInternals, Scratch } from "./scratch.ts";

const HEADER = 'import { Job, Pipeline } from "contrail";\n';
const PIPELINE = 'export default new Pipeline({ jobs: [new Job("build", { plan: [] })] });\n';

let scratch: Scratch;
const files: Record<string, string> = {};

beforeAll(() => {
  scratch = new Scratch();
  files.exit0 = scratch.write("exit0.ts", `${HEADER}process.exit(0);\n${PIPELINE}`);
  files.exitLater = scratch.write(
    "exit-later.ts",
    `${HEADER}setTimeout(() => process.exit(0), 0);\nawait new Promise((r) => setTimeout(r, 50));\n${PIPELINE}`,
  );
  files.never = scratch.write("never.ts", `${HEADER}await new Promise(() => {});\n${PIPELINE}`);
  files.loop = scratch.write("loop.ts", `${HEADER}for (;;) {}\n${PIPELINE}`);
  // The loop in a function called while loading, and in a timer while an await waits.
  files.loopInFunction = scratch.write("loop-in-function.ts", `${HEADER}function spin() { while (true) {} }\nspin();\n${PIPELINE}`);
  files.loopInTimer = scratch.write(
    "loop-in-timer.ts",
    `${HEADER}setTimeout(function spin() { while (true) {} }, 10);\nsetInterval(() => {}, 1000);\nawait new Promise((r) => setTimeout(r, 600_000));\n${PIPELINE}`,
  );
  files.slow = scratch.write("slow.ts", `${HEADER}await new Promise((r) => setTimeout(r, 600_000));\n${PIPELINE}`);
  files.chatty = scratch.write(
    "chatty.ts",
    `${HEADER}console.log("hello from the pipeline");\nprocess.stdout.write("more\\n");\nsetInterval(() => {}, 1000);\n${PIPELINE}`,
  );
  files.bad = scratch.write("bad.yml", "jobs:\n- name: a\n  plan:\n  - get: nope\n");
});
afterAll(() => scratch.dispose());

describe.concurrent("a pipeline.ts that calls process.exit(0)", () => {
  const cases: [string, (f: string) => string[]][] = [
    ["render", (f) => ["render", f]],
    ["render --check", (f) => ["render", f, "--check", "-o", f]],
    ["graph", (f) => ["graph", f, "--format", "dot"]],
    ["validate", (f) => ["validate", f]],
    ["set", (f) => ["set", "-t", "ci", "-p", "x", f, "--fly", process.execPath]],
    ["diff", (f) => ["diff", "-t", "ci", "-p", "x", f, "--fly", process.execPath]],
  ];
  for (const [name, args] of cases) {
    it(`fails ${name} with one line naming the file (exit 1)`, async () => {
      const r = await runSdk(args(files.exit0 as string), { timeoutMs: 30_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/exit0\.ts called process\.exit\(0\) while loading/);
      expect(r.stdout).toBe("");
      expect(noInternals(r.stderr)).toBe(true);
    });
  }

  it("also when it exits from a timer while loading", async () => {
    const r = await runSdk(["render", files.exitLater as string]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("called process.exit(0) while loading");
  });
});

describe.concurrent("a pipeline.ts that never finishes loading", () => {
  it("a top-level await that never settles: one line, exit 1", async () => {
    const r = await runSdk(["render", files.never as string]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/never\.ts stopped before it finished loading: a top-level await never settled/);
    expect(r.stdout).toBe("");
  });

  /** The load-limit outcome: exit 1, the one line naming the file and the limit, nothing else. */
  function expectStoppedAt(r: SdkRun, file: string, seconds: string): void {
    expect(r.timedOut).toBe(false);
    expect(r.signal).toBe(null);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `error: ${file} did not finish loading within ${seconds} s (a loop that never ends, or an await that never settles?); it was stopped. Give --load-timeout SECONDS (or set CONTRAIL_LOAD_TIMEOUT) if it needs longer.\n`,
    );
  }

  it("an endless loop is stopped at the load time limit with exit 1 (--load-timeout, or the env var)", async () => {
    // Each in its own folder, so that a temp file or a half-written output would show.
    const out = fs.mkdtempSync(join(scratch.dir, "out-"));
    const [flag, env, inFunction, inTimer, slow] = await Promise.all([
      runSdk(["render", files.loop as string, "--load-timeout", "0.5", "-o", join(out, "a.yml")], { timeoutMs: 20_000 }),
      runSdk(["graph", files.loop as string, "--format", "dot", "-o", join(out, "b.dot")], {
        env: { CONTRAIL_LOAD_TIMEOUT: "0.5" },
        timeoutMs: 20_000,
      }),
      runSdk(["render", files.loopInFunction as string, "--load-timeout", "0.5"], { timeoutMs: 20_000 }),
      runSdk(["render", files.loopInTimer as string, "--load-timeout", "0.5"], { timeoutMs: 20_000 }),
      runSdk(["render", files.slow as string, "--load-timeout", "0.5"], { timeoutMs: 20_000 }),
    ]);
    const shown = (f: string | undefined) => relative(repoRoot, f as string);
    expectStoppedAt(flag, shown(files.loop), "0.5");
    expectStoppedAt(env, shown(files.loop), "0.5");
    expectStoppedAt(inFunction, shown(files.loopInFunction), "0.5");
    expectStoppedAt(inTimer, shown(files.loopInTimer), "0.5");
    expectStoppedAt(slow, shown(files.slow), "0.5");
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("also when an inspector is already attached (node --inspect)", async () => {
    const r = await runSdk(["render", files.loop as string, "--load-timeout", "0.5"], {
      env: { NODE_OPTIONS: "--inspect=127.0.0.1:0" },
      timeoutMs: 20_000,
    });
    expect(r.signal).toBe(null);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("did not finish loading within 0.5 s");
    expect(r.stderr).not.toContain("Waiting for the debugger");
  });

  it("a bad --load-timeout is a usage error", async () => {
    const r = await runSdk(["render", files.loop as string, "--load-timeout", "soon"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--load-timeout takes a number of seconds greater than 0 (got 'soon')");
  });
});

describe.concurrent("a pipeline.ts that prints and leaves a timer running", () => {
  it("keeps its output off stdout (sdk render > pipeline.yml stays YAML) and does not keep contrail alive", async () => {
    const r = await runSdk(["render", files.chatty as string], { timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Generated by contrail/);
    expect(r.stdout).not.toContain("hello");
    expect(r.stderr).toContain("hello from the pipeline\nmore\n");
  });
});

describe.concurrent("a pipeline.ts that starts child processes with contrail's stdio", () => {
  it("keeps their output off stdout, and a child that outlives contrail does not hold stdout open", async () => {
    const printer = scratch.write("printer.cjs", 'console.log("CHILD-FORK");\n');
    const file = scratch.write(
      "children.ts",
      `import { fork, spawn, spawnSync } from "node:child_process";\n${HEADER}` +
        `spawnSync("sh", ["-c", "echo CHILD-SYNC"], { stdio: "inherit" });\n` +
        `spawnSync("sh", ["-c", "echo CHILD-FD1"], { stdio: ["ignore", 1, 2] });\n` +
        `await new Promise((done) => fork(${JSON.stringify(printer)}).on("exit", done));\n` +
        `spawn("sh", ["-c", "sleep 6; echo CHILD-LATE"], { stdio: "inherit", detached: true }).unref();\n${PIPELINE}`,
    );
    // Spawned here, not through runSdk, to see when stdout ends (the late child keeps stderr).
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [join(repoRoot, "packages/sdk/bin/sdk.js"), "render", file], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const started = Date.now();
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const ended = await new Promise<number>((done) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stdout.on("end", () => done(Date.now() - started));
    });
    const code = await new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.on("exit", done)));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Generated by contrail/);
    expect(stdout).not.toContain("CHILD");
    expect(stderr).toContain("CHILD-SYNC");
    expect(stderr).toContain("CHILD-FD1");
    expect(stderr).toContain("CHILD-FORK");
    // The late child sleeps 6 s with stdout inherited; contrail's stdout must end long before.
    expect(ended).toBeLessThan(5_000);
    child.stderr.destroy();
  });
});

describe("a pipeline.ts that throws what is not an Error", () => {
  const throws: [what: string, statement: string, said: string][] = [
    ["null", "throw null;", "failed to load: null"],
    ["a symbol", 'throw Symbol("sym");', "failed to load: Symbol(sym)"],
    [
      "an object without a prototype",
      "throw Object.create(null);",
      "failed to load: [object Object] (a value that cannot be shown as text)",
    ],
    [
      "an object whose toString and message throw",
      'throw { toString() { throw new Error("no"); }, get message() { throw new Error("no"); } };',
      "failed to load: [object Object] (a value that cannot be shown as text)",
    ],
    [
      "a Proxy whose every trap throws",
      'throw new Proxy({}, { get() { throw new Error("get"); }, getPrototypeOf() { throw new Error("proto"); }, has() { throw new Error("has"); } });',
      "failed to load: [object] (a value that cannot be shown as text)",
    ],
    [
      "an Error whose message and stack getters throw",
      'const e = new Error("x"); Object.defineProperty(e, "message", { get() { throw new Error("m"); } }); Object.defineProperty(e, "stack", { get() { throw new Error("s"); } }); throw e;',
      // Node reads the message for its own report, so the getter's Error is what arrives.
      "threw while loading: m",
    ],
  ];
  // In the CLI's own main() with a captured Io (no process each: the cases only differ in
  // how the thrown value is read), one after the other, as each load patches process.exit.
  for (const [what, statement, said] of throws) {
    it(`${what}: one clean line, exit 1`, async () => {
      const file = scratch.write(`throws-${what.replace(/\W+/g, "-")}.ts`, `${HEADER}${statement}\n${PIPELINE}`);
      const io = captureIo(scratch.dir);
      expect(await main(["render", file], io)).toBe(1);
      expect(io.out).toBe("");
      expect(io.err).toContain(said);
      expect(io.err).not.toMatch(/internal error|This is a bug/);
      // Only the user's own frames (in process, the test's too), if any: never contrail's.
      for (const frame of io.err.split("\n").filter((line) => /^\s+at /.test(line))) {
        expect(frame).not.toMatch(/packages[\\/]sdk|node_modules|node:internal/);
      }
    });
  }

  it("through the binary too: a Proxy whose every trap throws", async () => {
    const file = scratch.write(
      "throws-proxy-bin.ts",
      `${HEADER}throw new Proxy({}, { getPrototypeOf() { throw new Error("proto"); }, get() { throw new Error("get"); } });\n${PIPELINE}`,
    );
    const r = await runSdk(["render", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: ${relative(repoRoot, file)} failed to load: [object] (a value that cannot be shown as text)\n`);
  });
});

describe.concurrent("sdk lint with several files", () => {
  it("sdk lint bad.yml exit0.ts still exits 1, with a load-error for the pipeline.ts", async () => {
    const r = await runSdk(["lint", files.bad as string, files.exit0 as string, "--format", "json"], {
      timeoutMs: 90_000,
      maxOldSpaceMb: 512,
    });
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { code: string; message: string; file: string }[];
    expect(rows.find((d) => d.code === "load-error")?.message).toContain("called process.exit(0) while loading");
    expect(rows.some((d) => d.code === "unknown-resource")).toBe(true);
  });
});
