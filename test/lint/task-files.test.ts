/**
 * Task files through the CLI, as a user runs `sdk lint`: on their own, and followed from a
 * pipeline with `--artifact`. Works on copies of our own fixtures (test/lint/fixtures/task-files)
 * made in a temp dir, broken in each way a build would meet.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "./shared.ts";

const FIXTURE = path.join(repoRoot, "test/lint/fixtures/task-files");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "contrail-task-files-"));
  cpSync(FIXTURE, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Edits a file of the temp copy. */
function edit(file: string, change: (text: string) => string): void {
  const at = path.join(dir, file);
  writeFileSync(at, change(readFileSync(at, "utf8")));
}

async function lint(...args: string[]) {
  // Files are given as absolute paths (the CLI reads them as given); output shows them
  // relative to the temp dir.
  const io = captureIo(dir);
  const code = await main(["lint", ...args.map((a) => (a.startsWith("-") || a.includes("=") ? a : path.join(dir, a)))], io);
  return { code, out: io.out.replaceAll(`${dir}/`, ""), err: io.err.replaceAll(`${dir}/`, "") };
}

describe("sdk lint on a task file", () => {
  it("accepts a valid task file", async () => {
    const r = await lint("repo/ci/tasks/unit.yml");
    expect(r.out).toBe("0 errors, 0 warnings in 1 file\n");
    expect(r.code).toBe(0);
  });

  it("reports a misspelt key and a missing platform in the file's own place", async () => {
    edit("repo/ci/tasks/unit.yml", (t) => t.replace("platform: linux\n", "").replace("outputs:", "ouputs:"));
    const r = await lint("repo/ci/tasks/unit.yml");
    expect(r.code).toBe(1);
    expect(r.out).toContain("repo/ci/tasks/unit.yml:15:1: error unknown-fields: unknown fields: [ouputs]");
    expect(r.out).toContain("repo/ci/tasks/unit.yml:4:1: error invalid-task-config: invalid task configuration: missing 'platform'");
  });
});
