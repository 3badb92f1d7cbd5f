/**
 * Type tests of declared task files (`defineTask` + `FileTask`): what must not compile.
 * `pnpm typecheck` checks this file; every `@ts-expect-error` fails the check if the line
 * below it compiles.
 */

import { defineTask, FileTask, GitResource, Job, Pipeline, RegistryImage } from "contrail";
import { buildTask } from "../helpers/declared-tasks.ts";

const repo = new GitResource("repo", { source: { uri: "https://example.com/r.git" } });
const image = new RegistryImage("image", { source: { repository: "x/y" } });
const src = repo.get();

const build = buildTask;
const lint = defineTask({ file: "ci/tasks/lint.yml", inputs: { source: "optional" } });
const bare = defineTask({ file: "ci/tasks/bare.yml" });

// The correct use compiles, and its output is a handle like an inline task's.
const ok = new FileTask("build", build, {
  from: src,
  inputs: { source: src },
  params: { TOKEN: "((token))", GOFLAGS: "-race" },
  vars: { version: "1.2.3" },
  outputMapping: { built: "built-app" },
});
image.put({ params: { image: ok.outputs.built.file("image.tar") } });
new FileTask("lint", lint, { from: src });
new FileTask("bare", bare, { from: src });
new Pipeline({ jobs: [new Job("j", { plan: [src, ok] })] });

// @ts-expect-error a missing required input (`source`).
new FileTask("build", build, { from: src, inputs: { cache: src }, params: { TOKEN: "t" } });

// @ts-expect-error no inputs at all, though `source` is required.
new FileTask("build", build, { from: src, params: { TOKEN: "t" } });

// @ts-expect-error an input the file does not declare.
new FileTask("build", build, { from: src, inputs: { source: src, sources: src }, params: { TOKEN: "t" } });

// @ts-expect-error an input is an artifact handle, not a name.
new FileTask("build", build, { from: src, inputs: { source: "repo" }, params: { TOKEN: "t" } });

// @ts-expect-error an unknown param.
new FileTask("build", build, { from: src, inputs: { source: src }, params: { TOKEN: "t", GOFLAG: "-race" } });

// @ts-expect-error a missing required param (`TOKEN`).
new FileTask("build", build, { from: src, inputs: { source: src }, params: { GOFLAGS: "-race" } });

// @ts-expect-error a param to a file that declares none.
new FileTask("bare", bare, { from: src, params: { ANY: "x" } });

// @ts-expect-error a var the file never uses.
new FileTask("build", build, { from: src, inputs: { source: src }, params: { TOKEN: "t" }, vars: { verison: "1" } });

// @ts-expect-error a misspelt output.
ok.outputs.biult;

// @ts-expect-error an output mapping for an output the file does not declare.
new FileTask("build", build, { from: src, inputs: { source: src }, params: { TOKEN: "t" }, outputMapping: { image: "x" } });

// @ts-expect-error the file is read from an artifact, not a string.
new FileTask("lint", lint, { from: "repo" });
