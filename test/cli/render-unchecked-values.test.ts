/**
 * `sdk render`, as a user runs it, on values the builders did not shape or could not type
 * (render checks those instead of parsing the whole config through the model): an `extra`
 * of the wrong type, an option of the wrong kind in a pipeline.ts that does not type-check,
 * and a user Resource whose source breaks its type's schema. Each must still be reported
 * at the user's line.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSdk } from "../helpers/run-sdk.ts";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "contrail-unchecked-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a pipeline.ts of these lines into the folder and runs `sdk render` on it. */
function render(name: string, lines: readonly string[]) {
  fs.writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
  return runSdk(["render", name], { cwd: dir, env: { NO_COLOR: "1", FORCE_COLOR: undefined } });
}

describe("sdk render: values the builders did not shape", () => {
  it("refuses an extra of the wrong type and an option of the wrong kind, at their lines", async () => {
    const r = await render("pipeline.ts", [
      `import { Job, Pipeline, Task } from "contrail";`,
      ``,
      `const build = new Task("build", { run: { path: "true" }, extra: { privileged: "yes" } });`,
      `export default new Pipeline({ jobs: [new Job("j", { serial: "no" as never, plan: [build] })] });`,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("pipeline.ts:3:15: error invalid-config: Invalid input: expected boolean, received string");
    expect(r.stderr).toContain("in jobs.j.plan[0].privileged");
    expect(r.stderr).toContain("pipeline.ts:4:38: error invalid-config: serial must be a boolean, not the string 'no'");
  });

  it("warns of a user Resource whose source breaks its type's schema, and renders", async () => {
    const r = await render("resource.ts", [
      `import { Job, Pipeline, Resource } from "contrail";`,
      ``,
      `const notes = new Resource("notes", { type: "s3", source: { bucket: "b", regexp: 7 } });`,
      `export default new Pipeline({ jobs: [new Job("j", { plan: [notes.get()] })] });`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("resource.ts:3:15: warning resource-wrong-type: 'regexp' must be a string, not the number 7");
    expect(r.stdout).toContain("regexp: 7");
  });
});
