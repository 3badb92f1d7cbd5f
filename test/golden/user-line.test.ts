/**
 * Render and lint name the line of pipeline.ts that made the offending object, with a code
 * frame of the user's TypeScript, before the YAML path; a module that throws is reported
 * where it threw. Run through the `sdk` binary, as a user runs it: the pipeline is loaded
 * by jiti, whose transpiled code moves columns, so the positions must be mapped back.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../helpers/golden.ts";
import { repoRoot } from "../helpers/paths.ts";

const fixtures = "test/golden/fixtures";
const golden = (name: string) => resolve(repoRoot, "test/golden/cli", name);

async function sdk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", ["packages/sdk/bin/sdk.js", ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("diagnostics at the user's line", () => {
  it("sdk render: an artifact used before it is produced leads with pipeline.ts:LINE:COL of the step", async () => {
    const r = await sdk("render", `${fixtures}/artifact-before-producer.ts`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    // `const test: Task = new Task(...)`: jiti strips `: Task`, so column 20 comes from the source map.
    expect(r.stderr.split("\n")[0]).toBe(
      `${fixtures}/artifact-before-producer.ts:7:20: error artifact-not-produced: artifact 'bin' is used before, or without, the step that produces it in job 'build'`,
    );
    expectGolden(golden("artifact-before-producer.render.txt"), r.stderr);
  });

  it("sdk lint: the same finding, at the same line, in text and in JSON", async () => {
    const text = await sdk("lint", `${fixtures}/artifact-before-producer.ts`);
    expect(text.code).toBe(1);
    expectGolden(golden("artifact-before-producer.lint.txt"), text.stdout);
    const json = await sdk("lint", "--format", "json", `${fixtures}/artifact-before-producer.ts`);
    const found = JSON.parse(json.stdout) as { diagnostics?: unknown[] } | unknown[];
    const list = (Array.isArray(found) ? found : (found.diagnostics ?? [])) as Record<string, unknown>[];
    expect(list.find((d) => d["code"] === "artifact-not-produced")).toMatchObject({
      file: `${fixtures}/artifact-before-producer.ts`,
      line: 7,
      column: 20,
      path: "jobs.build.plan[1].config.inputs[1]",
    });
  });

  it.each([
    ["throws-top-level.ts", "4:31", "no job names configured"],
    ["throws-in-function.ts", "9:27", "settings list no job (got 0)"],
    ["throws-in-builder.ts", "5:68", "'not a var' is not a valid var path"],
  ])("a module that throws (%s) is reported where it threw", async (file, place, message) => {
    const r = await sdk("render", `${fixtures}/${file}`);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toContain(`${fixtures}/${file}:${place}: error: ${fixtures}/${file} threw while loading:`);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/node_modules|node:internal|packages\/sdk/);
    expectGolden(golden(file.replace(/\.ts$/, ".render.txt")), r.stderr);
  });
});
