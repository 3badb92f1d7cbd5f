/**
 * Local vars are checked however they are used: as an object, in a template literal, or
 * through a typed field; fields render as Concourse parses var references.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { acrossVar, GitResource, Job, loadVar, Pipeline, Task } from "../../../packages/sdk/src/index.ts";
import { renderPipeline } from "../../../packages/sdk/src/render/render.ts";
import { captureIo } from "../../helpers/capture-io.ts";
import { repoRoot } from "../../helpers/paths.ts";

const src = new GitResource("repo", { source: { uri: "https://example.com/r.git" } }).get();
const run = { path: "true" } as const;

/** The config of step `index` of the first job's plan. */
function stepConfig(result: ReturnType<typeof renderPipeline>, index: number): { params?: unknown } {
  const step = result.config.jobs[0]?.plan?.[index] as { config?: { params?: unknown } } | undefined;
  return step?.config ?? {};
}

function errors(pipeline: Pipeline) {
  const result = renderPipeline(pipeline);
  return {
    text: result.text,
    errors: result.diagnostics.filter((d) => d.severity === "error").map((d) => ({ code: d.code, path: d.path, message: d.message })),
  };
}

describe("local vars out of scope", () => {
  it("a load_var used in a template literal before its step is the same error as the object", () => {
    const version = loadVar("version", src.file("VERSION"));
    const asText = new Task("text", { params: { V: `v${version}` }, run });
    const asObject = new Task("object", { params: { V: version }, run });
    const r = errors(new Pipeline({ jobs: [new Job("j", { plan: [src, asText, asObject, version] })] }));
    const message = "local var 'version' is used outside the scope of the load_var or across step that defines it in job 'j'";
    expect(r.errors).toEqual([
      { code: "local-var-out-of-scope", path: "jobs.j.plan[1].config.params.V", message },
      { code: "local-var-out-of-scope", path: "jobs.j.plan[2].config.params.V", message },
    ]);
    expect(r.text).toBe("");
  });

  it("an across var in a template literal outside its step, anywhere in the step (run args, image tag)", () => {
    const ruby = acrossVar("ruby", ["3.2", "3.3"]);
    const inside = new Task("inside", { across: [ruby], image: { repository: "ruby", tag: `${ruby}-alpine` }, run });
    const outside = new Task("outside", { run: { path: "echo", args: [`ruby ${ruby}`] } });
    const r = errors(new Pipeline({ jobs: [new Job("j", { plan: [inside, outside] })] }));
    expect(r.errors).toEqual([expect.objectContaining({ code: "local-var-out-of-scope", path: "jobs.j.plan[1].config.run.args[0]" })]);
  });

  it("sdk render exits 1 on a template-literal use out of scope", async () => {
    const io = captureIo(repoRoot);
    const code = await main(["render", "test/unit/cli/fixtures/local-var-template.ts"], io);
    expect(code).toBe(1);
    expect(io.out).toBe("");
    expect(io.err).toContain("error local-var-out-of-scope: local var 'version' is used outside the scope");
  });

  it("a raw ((.:name)) of a var contrail did not make is left to lint (a warning)", () => {
    const t = new Task("t", { params: { V: "((.:made_elsewhere))" }, run });
    const r = renderPipeline(new Pipeline({ jobs: [new Job("j", { plan: [t] })] }));
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([["warning", "undefined-local-var"]]);
  });
});

describe("typed fields of local vars", () => {
  it("load_var of JSON: fields and nested fields render ((.:var.field.sub)), quoted as Concourse wants", () => {
    const build = loadVar<{ version: string; git: { sha: string; "a.b": string; "x/y": string; "k:v": string } }>(
      "build",
      src.file("build.json"),
      { format: "json" },
    );
    const t = new Task("t", {
      params: {
        V: build.fields.version,
        SHA: `sha-${build.fields.git.sha}`,
        A: build.fields.git["a.b"],
        X: build.fields.git["x/y"],
        K: build.fields.git["k:v"],
      },
      run,
    });
    const r = renderPipeline(new Pipeline({ jobs: [new Job("j", { plan: [src, build, t] })] }));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(stepConfig(r, 2).params).toEqual({
      V: "((.:build.version))",
      SHA: "sha-((.:build.git.sha))",
      A: '((.:build.git."a.b"))',
      X: '((.:build.git."x/y"))',
      K: '((.:build.git."k:v"))',
    });
  });

  it("across values that are objects: fields inside the step, an error outside it", () => {
    const branch = acrossVar("branch", [{ name: "main", groups: { feature: "core" } }]);
    const inside = new Task("inside", { across: [branch], params: { B: branch.fields.name, G: branch.fields.groups.feature }, run });
    const outside = new Task("outside", { params: { B: branch.fields.name }, run });
    const r = renderPipeline(new Pipeline({ jobs: [new Job("j", { plan: [inside, outside] })] }));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([
      expect.objectContaining({
        code: "local-var-out-of-scope",
        path: "jobs.j.plan[1].config.params.B",
        message: "local var 'branch' is used outside the scope of the load_var or across step that defines it in job 'j'",
      }),
    ]);
    expect(stepConfig(r, 0).params).toEqual({
      B: "((.:branch.name))",
      G: "((.:branch.groups.feature))",
    });
  });

  it("refuses a field name Concourse could not read back", () => {
    const v = loadVar<Record<string, string>>("v", src.file("v.json"), { format: "json" });
    expect(() => v.fields["has space"]).toThrow(/field 'has space' of local var 'v' cannot be written/);
    expect(() => v.fields['quo"te']).toThrow(/cannot be written/);
    expect(() => v.fields["a/../b"]).toThrow(/cannot be written/);
  });
});
