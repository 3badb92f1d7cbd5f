/**
 * Following `file:` tasks reads only inside the folders the user mapped with `--artifact`:
 * a task file that is a symlink out of the folder (to a file of the checkout's neighbours, or
 * to /etc/shadow), or a path that climbs out with `..`, is not read. Through the binary.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSdk } from "../helpers/run-sdk.ts";
import { noInternals, Scratch } from "./scratch.ts";

// Outside the artifact: a task file with two mistakes lint would report if it read it.
const OUTSIDE_TASK = "platform: linux\nrun: {path: echo}\nouputs: [{name: out}]\ninputs: [{name: nowhere}]\n";

let scratch: Scratch;
beforeAll(() => {
  scratch = new Scratch();
});
afterAll(() => scratch.dispose());

describe.concurrent("task files outside the mapped artifact", () => {
  it("are not followed through a symlink or '..': nothing outside is read, and they count as not checked", async () => {
    const root = fs.mkdtempSync(join(scratch.dir, "artifact-"));
    fs.mkdirSync(join(root, "repo", "ci"), { recursive: true });
    fs.mkdirSync(join(root, "outside"));
    fs.writeFileSync(join(root, "outside", "task.yml"), OUTSIDE_TASK);
    fs.symlinkSync("../../outside/task.yml", join(root, "repo", "ci", "neighbour.yml"));
    fs.symlinkSync("/etc/shadow", join(root, "repo", "ci", "shadow.yml"));
    fs.writeFileSync(
      join(root, "pipeline.yml"),
      [
        "resources:",
        "- name: repo",
        "  type: git",
        '  source: {uri: "https://example.com/repo.git"}',
        "jobs:",
        "- name: a",
        "  plan:",
        "  - get: repo",
        ...["ci/neighbour.yml", "ci/shadow.yml", "../outside/task.yml"].flatMap((path, i) => [`  - task: t${i}`, `    file: repo/${path}`]),
        "",
      ].join("\n"),
    );
    const r = await runSdk(["lint", "pipeline.yml", "--artifact", "repo=repo", "--format", "json"], { cwd: root });
    expect(noInternals(r.stderr)).toBe(true);
    const rows = JSON.parse(r.stdout) as { code: string; file: string | null; message: string }[];
    // Read, the outside file would give 'unknown fields: [ouputs]' and an input no step provides.
    expect(rows.filter((d) => (d.file ?? "").includes("outside") || d.message.includes("ouputs"))).toEqual([]);
    expect(rows.filter((d) => d.code === "task-file-not-found")).toEqual([]);
    expect(r.stderr).toContain("3 file tasks not checked");
    expect(r.code).toBe(0);
  });
});
