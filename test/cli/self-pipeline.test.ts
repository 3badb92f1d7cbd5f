/**
 * contrail's own pipeline (packages/examples/self): renders with no diagnostics, passes the
 * linter, matches its committed YAML, and has the jobs the project relies on.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lintYaml } from "../../packages/sdk/src/lint/index.ts";
import { renderPipeline } from "../../packages/sdk/src/render/render.ts";
import { repoRoot } from "../helpers/paths.ts";
import { parse } from "../unit/render/yaml-package.ts";

const SOURCE = "packages/examples/self/pipeline.ts";

async function render() {
  const { default: pipeline } = await import("../../packages/examples/self/pipeline.ts");
  return renderPipeline(pipeline, { sourceFile: SOURCE });
}

interface Step {
  readonly [key: string]: unknown;
  readonly config?: { readonly image_resource?: { readonly source?: unknown }; readonly run?: { readonly args?: readonly string[] } };
}

describe("the self pipeline", () => {
  it("renders with no diagnostics, lints clean and matches the committed pipeline.yml", async () => {
    const result = await render();
    expect(result.diagnostics).toEqual([]);
    expect(lintYaml(result.text, { file: "self.yml" }).diagnostics).toEqual([]);
    expect(fs.readFileSync(resolve(repoRoot, "packages/examples/self/pipeline.yml"), "utf8")).toBe(result.text);
  });

  it("tests each commit in node:20, checks the examples and lints the pipelines, then sets itself", async () => {
    const config = parse((await render()).text) as {
      resources: { name: string; type: string }[];
      jobs: { name: string; plan: Step[] }[];
    };
    expect(config.resources.map((r) => `${r.name}:${r.type}`)).toEqual(["contrail:git"]);
    const [test, update] = config.jobs;
    expect(test?.plan[0]).toEqual({ get: "contrail", trigger: true });
    const scripts = (test?.plan ?? []).map((s) => s.config?.run?.args?.join("\n") ?? "").join("\n");
    expect(scripts).toContain("pnpm install --frozen-lockfile");
    expect(scripts).toContain("pnpm exec vitest run");
    expect(scripts).toContain('sdk.js render "$f" -o "$(dirname "$f")/pipeline.yml" --check');
    expect(scripts).toMatch(/xargs -0 -r node packages\/sdk\/bin\/sdk\.js lint/);
    for (const step of test?.plan.slice(1) ?? []) expect(step.config?.image_resource?.source).toEqual({ repository: "node", tag: "20" });

    expect(update?.plan[0]).toEqual({ get: "contrail", passed: ["test"], trigger: true });
    expect(update?.plan[1]?.["task"]).toBe("render-self");
    expect(update?.plan[2]).toEqual({
      set_pipeline: "self",
      file: "rendered/pipeline.yml",
      vars: { contrail_repo_uri: "((contrail_repo_uri))" },
    });
  });
});
