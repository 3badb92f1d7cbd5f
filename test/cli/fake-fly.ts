/**
 * A sandbox for the fly commands' tests: a bin directory holding the fake `fly`
 * (test/cli/fixtures/fly) to put first on PATH, a record directory where it logs each call,
 * and a private TMPDIR so that a test can see that contrail left no temporary file behind.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../packages/sdk/src/cli/main.ts";
import type { ExecOptions } from "../../packages/sdk/src/io/io.ts";
import { nodeIo } from "../../packages/sdk/src/io/io.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "../helpers/paths.ts";

/** One call the fake fly recorded. */
export interface FlyCall {
  readonly args: string[];
  readonly configPath?: string;
  readonly configMode?: string;
  readonly config?: string;
  readonly stdin?: string;
  readonly signal?: string;
  /** Each `-l FILE`: its path, mode and content as fly saw them. */
  readonly varsFiles?: readonly { readonly path: string; readonly mode?: string; readonly text?: string }[];
}

/** One process contrail started through `io.exec`. */
export interface ExecCall {
  readonly command: string;
  readonly args: readonly string[];
  readonly options: ExecOptions | undefined;
}

/** The sandbox. */
export class FakeFly {
  readonly root = fs.mkdtempSync(join(tmpdir(), "contrail-fake-fly-"));
  readonly bin = join(this.root, "bin");
  readonly record = join(this.root, "record");
  readonly tmp = join(this.root, "tmp");
  /** The fake fly's path. */
  readonly fly = join(this.bin, "fly");

  constructor(options: { install?: boolean } = {}) {
    for (const dir of [this.bin, this.record, this.tmp]) fs.mkdirSync(dir);
    if (options.install !== false) {
      // Copied out of the repo so it runs as CommonJS whatever package.json says, with its mode set.
      fs.copyFileSync(resolve(repoRoot, "test/cli/fixtures/fly"), this.fly);
      fs.chmodSync(this.fly, 0o755);
    }
  }

  /** The environment for contrail: the fake first on PATH, the record dir, the private TMPDIR. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { PATH: `${this.bin}:${process.env.PATH ?? ""}`, FAKE_FLY_RECORD: this.record, TMPDIR: this.tmp, ...extra };
  }

  /** Every call the fake fly recorded, in order. */
  calls(): FlyCall[] {
    const file = join(this.record, "calls.jsonl");
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as FlyCall);
  }

  /** contrail's temporary directories left in the private TMPDIR (should be none; jiti keeps its cache there too). */
  leftovers(): string[] {
    return fs.readdirSync(this.tmp).filter((name) => name.startsWith("contrail-"));
  }

  /** Writes a file in the sandbox and returns its path. */
  write(name: string, text: string): string {
    const path = join(this.root, name);
    fs.writeFileSync(path, text);
    return path;
  }

  /** Removes the sandbox. */
  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Runs `main(argv, io)` in-process with the sandbox's environment. Processes really run
 * (the fake fly), but their output is captured so that the test log stays readable; the
 * options contrail asked for are recorded in `execs`.
 */
export async function runMain(args: readonly string[], fake: FakeFly, env: Record<string, string> = {}) {
  const execs: ExecCall[] = [];
  const real = nodeIo();
  const io = captureIo(repoRoot, {
    env: fake.env(env),
    exec: (command, execArgs, options) => {
      execs.push({ command, args: execArgs, options });
      return real.exec(command, execArgs, { ...options, capture: true });
    },
  });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err, execs };
}

/** What the `sdk` binary did. */
export interface BinaryResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node packages/sdk/bin/sdk.js ARGS` as a child process, with `stdin` as its input.
 * `whenStarted` is called once the fake fly has written its `started` marker.
 */
export function runBinary(
  args: readonly string[],
  fake: FakeFly,
  env: Record<string, string> = {},
  options: { stdin?: string; whenStarted?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<BinaryResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(repoRoot, "packages/sdk/bin/sdk.js"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...fake.env(env) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
    if (options.whenStarted) {
      const started = join(fake.record, "started");
      const poll = setInterval(() => {
        if (fs.existsSync(started)) {
          clearInterval(poll);
          options.whenStarted?.(child);
        }
      }, 25);
      child.on("close", () => clearInterval(poll));
    }
  });
}
