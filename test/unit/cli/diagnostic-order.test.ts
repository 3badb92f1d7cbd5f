/**
 * Errors before warnings, each group in file and line order, in every output format.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { sortDiagnostics } from "../../../packages/sdk/src/diagnostics/diagnostic.ts";
import { captureIo } from "../../helpers/capture-io.ts";
import { repoRoot } from "../../helpers/paths.ts";

const warningFirst = "test/unit/cli/fixtures/order/warning-first.yml";
const other = "test/lint/fixtures/unknown-artifact.fail.yml";

async function lint(...args: string[]) {
  const io = captureIo(repoRoot);
  const code = await main(["lint", ...args], io);
  return { code, out: io.out };
}

describe("diagnostic order", () => {
  it("sdk lint text: the error on line 11 comes before the warning on line 6, warnings by file", async () => {
    const r = await lint(warningFirst, other);
    expect(r.code).toBe(1);
    const heads = r.out.split("\n").filter((line) => /^\S+:\d+:\d+: (error|warning) /.test(line));
    expect(heads.map((line) => line.replace(/: (error|warning) ([\w-]+):.*/, " $1 $2"))).toEqual([
      `${warningFirst}:11:5 error unknown-resource`,
      `${other}:14:19 warning unknown-artifact`,
      `${warningFirst}:6:5 warning plaintext-credential`,
    ]);
  });

  it("sdk lint --format sarif lists its results in the same order", async () => {
    const r = await lint("--format", "sarif", warningFirst, other);
    const results = (JSON.parse(r.out) as { runs: { results: { ruleId: string }[] }[] }).runs[0]?.results ?? [];
    expect(results.map((x) => x.ruleId)).toEqual(["unknown-resource", "unknown-artifact", "plaintext-credential"]);
  });

  it.each(["json", "github"])("sdk lint --format %s keeps the same order", async (format) => {
    const r = await lint("--format", format, warningFirst, other);
    const order = ["unknown-resource", "unknown-artifact", "plaintext-credential"].map((code) => r.out.indexOf(code));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("sortDiagnostics: severity, then file, line and column; stable otherwise", () => {
    const d = (severity: "error" | "warning", file: string | undefined, line: number | undefined, code: string) => ({
      code,
      severity,
      message: "",
      path: "",
      file,
      line,
    });
    const sorted = sortDiagnostics([
      d("warning", "a.ts", 1, "w1"),
      d("error", "b.ts", 9, "e2"),
      d("error", "b.ts", 2, "e1"),
      d("warning", undefined, undefined, "w0"),
      d("error", "a.ts", 30, "e0"),
    ]);
    expect(sorted.map((x) => x.code)).toEqual(["e0", "e1", "e2", "w0", "w1"]);
  });
});
