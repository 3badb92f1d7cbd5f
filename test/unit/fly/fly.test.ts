/**
 * The pieces of the fly wrapper: finding fly, masking vars, the private temporary file and
 * signal forwarding.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  exitCodeOf,
  FlyArgs,
  findFly,
  requireFly,
  showCommand,
  withInterrupts,
  withPrivateFile,
} from "../../../packages/sdk/src/cli/fly.ts";
import type { ExecOptions, ExecResult } from "../../../packages/sdk/src/io/io.ts";
import { captureIo } from "../../helpers/capture-io.ts";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "contrail-fly-unit-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function program(path: string, mode = 0o755): string {
  fs.mkdirSync(join(path, ".."), { recursive: true });
  fs.writeFileSync(path, "#!/bin/sh\n");
  fs.chmodSync(path, mode);
  return path;
}

describe("findFly", () => {
  it("looks at --fly, then FLY, then PATH, skipping files that are not executable", () => {
    const onPath = program(join(dir, "b", "fly"));
    program(join(dir, "a", "fly"), 0o644);
    const fromEnv = program(join(dir, "env", "fly"));
    const fromFlag = program(join(dir, "flag", "fly"));
    const PATH = `${join(dir, "a")}:${join(dir, "b")}`;
    expect(findFly(captureIo(dir, { env: { PATH } }))).toBe(onPath);
    expect(findFly(captureIo(dir, { env: { PATH, FLY: fromEnv } }))).toBe(fromEnv);
    expect(findFly(captureIo(dir, { env: { PATH, FLY: fromEnv } }), fromFlag)).toBe(fromFlag);
    expect(findFly(captureIo(dir, { env: { PATH: join(dir, "a") } }))).toBeUndefined();
  });

  it("resolves a relative --fly against the working directory, and a bare name on PATH", () => {
    const fly = program(join(dir, "tools", "fly-8.3"));
    expect(findFly(captureIo(dir, { env: {} }), "tools/fly-8.3")).toBe(fly);
    expect(findFly(captureIo(dir, { env: { PATH: join(dir, "tools") } }), "fly-8.3")).toBe(fly);
  });

  it("a missing --fly or FLY is an error (exit 2) saying how to get fly", () => {
    expect(() => findFly(captureIo(dir, { env: { FLY: "/no/fly" } }))).toThrow(/^error: FLY \/no\/fly: no such executable; download it/);
    try {
      requireFly(captureIo(dir, { env: { PATH: dir } }), "set");
      expect.unreachable();
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
      expect((error as Error).message).toContain("sdk set: fly not found on PATH; download it from your Concourse's web UI");
    }
  });
});

describe("FlyArgs", () => {
  it("masks -v/-y/-i values in what is shown, not in what runs", () => {
    const args = new FlyArgs()
      .add("-t", "ci", "set-pipeline")
      .secret("-v", "password=p=w")
      .secret("-y", "n=1")
      .secret("-i", "x")
      .add("-l", "v.yml");
    expect(args.args).toEqual(["-t", "ci", "set-pipeline", "-v", "password=p=w", "-y", "n=1", "-i", "x", "-l", "v.yml"]);
    expect(args.shown).toEqual(["-t", "ci", "set-pipeline", "-v", "password=***", "-y", "n=***", "-i", "***", "-l", "v.yml"]);
  });

  it("shows a command quoted for a shell", () => {
    expect(showCommand("fly", ["-c", "/tmp/a b.yml", "-v", "k=***", "it's"])).toBe(`fly -c '/tmp/a b.yml' -v k=*** 'it'\\''s'`);
  });
});

describe("withPrivateFile", () => {
  it("writes a 0600 file in a fresh directory under TMPDIR and removes it, also when the callback throws", async () => {
    const io = captureIo(dir, { env: { TMPDIR: dir } });
    let seen = "";
    await expect(
      withPrivateFile(io, "my/pipe line", "jobs: []\n", async (path) => {
        seen = path;
        expect(fs.statSync(path).mode & 0o777).toBe(0o600);
        expect(fs.statSync(join(path, "..")).mode & 0o777).toBe(0o700);
        expect(fs.readFileSync(path, "utf8")).toBe("jobs: []\n");
        throw new Error("fly blew up");
      }),
    ).rejects.toThrow("fly blew up");
    expect(seen).toMatch(new RegExp(`^${dir}/contrail-[^/]+/my_pipe_line\\.yml$`));
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("withInterrupts", () => {
  it("forwards SIGINT to the running fly instead of exiting, then removes its handlers", async () => {
    const before = process.listenerCount("SIGINT");
    const sent: string[] = [];
    const io = captureIo(dir, {
      env: {},
      exec: (_command: string, _args: readonly string[], options?: ExecOptions): Promise<ExecResult> =>
        new Promise((resolve) => {
          options?.onSpawn?.((signal) => {
            sent.push(signal);
            resolve({ code: null, signal, stdout: "", stderr: "" });
          });
          process.emit("SIGINT", "SIGINT");
        }),
    });
    const { result, signal } = await withInterrupts(async (interrupts, run) => {
      expect(process.listenerCount("SIGINT")).toBe(before + 1);
      const result = await run(io, "fly", ["x"]);
      // A second run after an interrupt does not start fly at all.
      const again = await run(io, "fly", ["y"]);
      expect(again.signal).toBe("SIGINT");
      return { result, signal: interrupts.signal };
    });
    expect(sent).toEqual(["SIGINT"]);
    expect(signal).toBe("SIGINT");
    expect(exitCodeOf(result)).toBe(130);
    expect(process.listenerCount("SIGINT")).toBe(before);
  });

  it("exit codes: fly's own, or 128 + signal", () => {
    expect(exitCodeOf({ code: 1, signal: null, stdout: "", stderr: "" })).toBe(1);
    expect(exitCodeOf({ code: null, signal: "SIGTERM", stdout: "", stderr: "" })).toBe(143);
  });
});
