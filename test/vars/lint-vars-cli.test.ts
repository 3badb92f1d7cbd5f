/**
 * `sdk lint` with fly's var flags, through the CLI: a pipeline Concourse refuses as written
 * (`trigger: ((should-we-trigger))`) passes with `-y` or a vars file saying `yes`, and still
 * fails at the field with `-v` (fly sends -v values as strings); a wrong-typed value in a
 * vars file is reported at its line too; the vars report; usage errors.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { expectGolden } from "../helpers/golden.ts";
import { repoRoot } from "../helpers/paths.ts";

const PIPELINE = "test/vars/fixtures/trigger-var.yml";

async function lint(...args: string[]) {
  const io = captureIo(repoRoot);
  const code = await main(["lint", ...args], io);
  return { code, out: io.out, err: io.err };
}

async function lintJson(...args: string[]) {
  const { code, out } = await lint("--format", "json", ...args);
  return { code, diagnostics: JSON.parse(out) as Array<{ code: string; severity: string; file: string; line: number; column: number }> };
}

describe("sdk lint with var flags", () => {
  it("refuses the pipeline as written, at the field", async () => {
    const { code, diagnostics } = await lintJson(PIPELINE);
    expect(code).toBe(1);
    expect(diagnostics.filter((d) => d.severity === "error")).toMatchObject([{ code: "decode-error", line: 13, column: 14 }]);
  });

  it("passes with -y should-we-trigger=true", async () => {
    const { code, diagnostics } = await lintJson(PIPELINE, "-y", "should-we-trigger=true");
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it("passes with a vars file saying `should-we-trigger: yes` (YAML 1.1)", async () => {
    const { code, diagnostics } = await lintJson(PIPELINE, "-l", "test/vars/fixtures/trigger-yes.yml");
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it("still fails at the field with -v should-we-trigger=true: a -v value is a string", async () => {
    const { code, out } = await lint(PIPELINE, "-v", "should-we-trigger=true");
    expect(code).toBe(1);
    expectGolden(`${repoRoot}/test/vars/golden/lint-v-string.txt`, out);
  });

  it("-v on the command line wins over a vars file, so it fails again", async () => {
    const { code } = await lintJson(PIPELINE, "-l", "test/vars/fixtures/trigger-yes.yml", "-v", "should-we-trigger=yes");
    expect(code).toBe(1);
  });

  it("reports a wrong-typed var at its line in the vars file and at the field", async () => {
    const { code, out } = await lint(PIPELINE, "-l", "test/vars/fixtures/trigger-wrong.yml");
    expect(code).toBe(1);
    expectGolden(`${repoRoot}/test/vars/golden/lint-var-type.txt`, out);
    const { diagnostics } = await lintJson(PIPELINE, "-l", "test/vars/fixtures/trigger-wrong.yml");
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["decode-error", PIPELINE, 13, 14],
      ["var-type", "test/vars/fixtures/trigger-wrong.yml", 2, 20],
    ]);
  });

  it("prints the vars report: given (and where), var_sources, credential manager, nobody, unused", async () => {
    const { code, out } = await lint("test/vars/fixtures/vars-many.yml", "-l", "test/vars/fixtures/many.yml", "--vars-report");
    expect(code).toBe(0);
    expectGolden(`${repoRoot}/test/vars/golden/vars-report.txt`, out);
    // The password a vars file puts in is not a plaintext credential of the pipeline file.
    expect(out).not.toContain("plaintext-credential");
  });

  it("fails under --strict when nothing can supply a var", async () => {
    expect((await lint("test/vars/fixtures/vars-many.yml", "--vars-report")).code).toBe(0);
    const strict = await lint("test/vars/fixtures/vars-many.yml", "--vars-report", "--strict");
    expect(strict.code).toBe(1);
    expect(strict.out).toContain("warning unsupplied-var: var 'missing:region' names var source 'missing'");
  });

  it("sends the report to stderr when stdout carries JSON", async () => {
    const { out, err } = await lint("test/vars/fixtures/vars-many.yml", "--vars-report", "--format", "json");
    expect(() => JSON.parse(out)).not.toThrow();
    expect(err).toContain("left for the credential manager, at run time:");
  });

  it("gives usage errors for a malformed flag and a missing vars file, without echoing the value", async () => {
    const bad = await lint(PIPELINE, "-v", "hunter2");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("invalid variable pair given to -v (must be name=value)");
    expect(bad.err).not.toContain("hunter2");
    const missing = await lint(PIPELINE, "-l", "test/vars/fixtures/nope.yml");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("could not read template variables file (test/vars/fixtures/nope.yml): no such file");
  });
});
