/**
 * `sdk lint pipeline.ts`: type errors, as the user's project would report them, then what
 * rendering the pipeline finds (builder checks and every lint rule), at the user's lines.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { loadTypeScript } from "../../../packages/sdk/src/lint/typescript.ts";
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

/** A project outside this workspace: its own package.json and tsconfigs, no node_modules. */
function outsideProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(join(tmpdir(), "contrail-lint-ts-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(join(dir, name), text);
  return dir;
}

async function lintIn(cwd: string, file: string) {
  const io = captureIo(cwd);
  const code = await main(["lint", "--format", "json", file], io);
  return { code, diagnostics: JSON.parse(io.out) as Array<Record<string, unknown>> };
}

const PIPELINE = `import { Job, Pipeline, Resource } from "contrail";

const here: string = import.meta.url;
const unused = 1;
const timer = new Resource("every-hour", { type: "time", source: { interval: "1h" }, icon: here.length > 0 ? "clock" : "x" });
export default new Pipeline({ jobs: [new Job("tick", { plan: [timer.get({ trigger: true })] })] });
`;

describe("sdk lint type-checks as the user's project does", () => {
  it("uses the nearest tsconfig.json (not tsconfig.base.json), resolves contrail as render does, allows import.meta", async () => {
    const dir = outsideProject({
      "package.json": JSON.stringify({ name: "ci", type: "module" }),
      // Would report the unused local, and TS1470 for import.meta under CommonJS output.
      "tsconfig.base.json": JSON.stringify({ compilerOptions: { module: "commonjs", noUnusedLocals: true, strict: true } }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          lib: ["es2023", "dom"],
          strict: true,
          noEmit: true,
        },
      }),
      "pipeline.ts": PIPELINE,
    });
    const r = await lintIn(dir, "pipeline.ts");
    expect(r.diagnostics.map((d) => String(d.message))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("without a tsconfig, type-checks with the options render runs the file with (import.meta allowed)", async () => {
    const dir = outsideProject({ "pipeline.ts": PIPELINE });
    const r = await lintIn(dir, "pipeline.ts");
    const codes = r.diagnostics.map((d) => /^TS(\d+)/.exec(String(d.message))?.[1]);
    expect(codes).not.toContain("1470");
    expect(codes).not.toContain("2307");
  });

  it("still loads the module when there are type errors, and reports where it threw", async () => {
    const dir = outsideProject({
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", strict: true } }),
      "pipeline.ts": `import { Pipeline } from "contrail";\n\nconst jobs: number = "none";\nthrow new Error("not ready: " + jobs);\nexport default new Pipeline({ jobs: [] });\n`,
    });
    const r = await lintIn(dir, "pipeline.ts");
    expect(r.code).toBe(1);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: "typescript", line: 3, column: 7, message: expect.stringContaining("TS2322") }),
      expect.objectContaining({ code: "load-error", line: 4, column: 7, message: "pipeline.ts threw while loading: not ready: none" }),
    ]);
  });

  it("finds the project's own typescript package before contrail's", async () => {
    const dir = outsideProject({});
    const fake = join(dir, "node_modules", "typescript");
    fs.mkdirSync(fake, { recursive: true });
    fs.writeFileSync(join(fake, "package.json"), JSON.stringify({ name: "typescript", version: "5.0.0", main: "index.js" }));
    fs.writeFileSync(join(fake, "index.js"), "module.exports = { projectCopy: true };\n");
    const found = await loadTypeScript(dir);
    expect(found?.origin).toBe("project");
    expect((found?.ts as unknown as { projectCopy?: boolean } | undefined)?.projectCopy).toBe(true);
    const ours = await loadTypeScript(outsideProject({}));
    expect(ours?.origin).toBe("contrail");
    expect(typeof ours?.ts.createProgram).toBe("function");
  });
});

describe("sdk lint finds every file against the Io's working folder", () => {
  it("reads a YAML file and a pipeline.ts given relative to io.cwd, not to the process's folder", async () => {
    const dir = outsideProject({
      "pipeline.ts": PIPELINE,
      // A get of a resource that is not declared: Concourse refuses it.
      "pipeline.yml": "jobs:\n- name: unit\n  plan:\n  - get: nowhere\n",
    });
    expect(process.cwd()).not.toBe(dir);
    const yaml = await lintIn(dir, "pipeline.yml");
    expect(yaml.diagnostics).not.toContainEqual(expect.objectContaining({ message: expect.stringContaining("no such file") }));
    expect(yaml.code).toBe(1);
    expect(yaml.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", file: "pipeline.yml", line: 4 }));
    const script = await lintIn(dir, "pipeline.ts");
    expect(script.code).toBe(0);
  });
});
