/**
 * `sdk lint pipeline.ts`: type errors, then what rendering the pipeline finds (builder checks
 * and every lint rule), reported against the file.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../../helpers/capture-io.ts";
import { repoRoot } from "../../helpers/paths.ts";

const fixtures = "test/unit/cli/fixtures";

async function lint(...args: string[]) {
  const io = captureIo(repoRoot);
  const code = await main(["lint", "--format", "json", ...args], io);
  return { code, diagnostics: JSON.parse(io.out) as Array<Record<string, unknown>>, err: io.err };
}

describe("sdk lint on TypeScript pipelines", () => {
  it("fails on a type error even though the pipeline renders", async () => {
    const r = await lint(`${fixtures}/type-error.ts`);
    expect(r.code).toBe(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: "typescript",
      severity: "error",
      line: 4,
      column: 7,
      file: `${fixtures}/type-error.ts`,
    });
    expect(String(r.diagnostics[0]?.message)).toContain("TS2322");
  });

  it("reports render problems with their path", async () => {
    const r = await lint(`${fixtures}/broken-ref.ts`);
    expect(r.code).toBe(1);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: "artifact-not-produced",
        severity: "error",
        path: "jobs.unit.plan[0].config.inputs[0]",
        file: `${fixtures}/broken-ref.ts`,
      }),
    ]);
  });

  it("reports a module that throws as a load error", async () => {
    const r = await lint(`${fixtures}/throws.ts`);
    expect(r.code).toBe(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "load-error", severity: "error" })]);
  });

  it("passes a clean pipeline, and reports its lint warnings", async () => {
    const clean = await lint("packages/examples/blog-across/pipeline.ts");
    expect(clean).toMatchObject({ code: 0, diagnostics: [] });
    const blog = await lint("packages/examples/blog/pipeline.ts");
    expect(blog.code).toBe(0);
    expect(blog.diagnostics.map((d) => d.code)).toEqual(["oci-build-task-vito-image", "registry-image-put-no-tag"]);
  });
});
