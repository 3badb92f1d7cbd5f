/**
 * The shared corpus file Concourse refuses for `trigger: ((should-we-trigger))` (paas-cf's
 * pipecleaner fixture), linted through the CLI with fly's var flags: it passes once the var is
 * a bool (-y, or a vars file saying `yes`) and still fails at the field with -v, whose values
 * fly sends as strings.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot, sharedDir } from "../helpers/paths.ts";

const FILE = path.join(sharedDir(), "corpus/alphagov__paas-cf/tools/pipecleaner/fixtures/pipecleaner_trigger_variable.yml");

async function errors(...flags: string[]) {
  const io = captureIo(repoRoot);
  const code = await main(["lint", "--format", "json", FILE, ...flags], io);
  const diagnostics = JSON.parse(io.out) as Array<{ code: string; severity: string; line: number; column: number; path: string }>;
  return { code, errors: diagnostics.filter((d) => d.severity === "error") };
}

describe("paas-cf pipecleaner_trigger_variable.yml", () => {
  it("is refused as written, as Concourse does", async () => {
    const { code, errors: found } = await errors();
    expect(code).toBe(1);
    expect(found).toMatchObject([
      { code: "decode-error", line: 10, column: 18, path: "jobs.resource-to-trigger-is-a-variable.plan[0].trigger" },
    ]);
  });

  it("passes with -y should-we-trigger=true", async () => {
    expect(await errors("-y", "should-we-trigger=true")).toEqual({ code: 0, errors: [] });
  });

  it("passes with -l of a vars file saying should-we-trigger: yes", async () => {
    expect(await errors("-l", "test/vars/fixtures/trigger-yes.yml")).toEqual({ code: 0, errors: [] });
  });

  it("still fails at the field with -v should-we-trigger=true", async () => {
    const { code, errors: found } = await errors("-v", "should-we-trigger=true");
    expect(code).toBe(1);
    expect(found).toMatchObject([{ code: "decode-error", line: 10, column: 18 }]);
  });
});
