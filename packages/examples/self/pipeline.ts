/**
 * contrail's own Concourse pipeline, written in contrail.
 *
 * On each commit: install with pnpm, type-check, run the tests, check that every example's
 * committed pipeline.yml is what its pipeline.ts renders, and lint every pipeline in the
 * repository. Once that passes, the pipeline renders itself and updates itself with a
 * `set_pipeline: self` step.
 *
 * Set it once by hand, then it keeps itself up to date:
 *   sdk set -t ci -p contrail packages/examples/self/pipeline.ts -v contrail_repo_uri=https://github.com/OWNER/contrail.git
 *
 * @see https://concourse-ci.org/setting-pipelines.html
 * @see https://concourse-ci.org/set-pipeline-step.html
 */
import { defineVars, GitResource, Job, Pipeline, setPipeline, Task } from "contrail";

// The repository's URL is given when the pipeline is set, so forks need no edit.
const config = defineVars("contrail_repo_uri");

const repo = new GitResource("contrail", {
  icon: "github",
  source: { uri: config.contrail_repo_uri, branch: "main" },
});

const NODE_IMAGE = { repository: "node", tag: "20" } as const;

/** A shell script run from the repository's root, after installing its dependencies. */
function script(...lines: string[]): { path: string; args: string[] } {
  return {
    path: "sh",
    args: ["-ec", ["cd contrail", "corepack enable", "pnpm install --frozen-lockfile", ...lines].join("\n")],
  };
}

const src = repo.get({ trigger: true });

const test = new Task("test", {
  image: NODE_IMAGE,
  inputs: [src],
  run: script("pnpm run typecheck", "pnpm exec vitest run"),
});

const checkPipelines = new Task("check-pipelines", {
  image: NODE_IMAGE,
  inputs: [src],
  run: script(
    "# Every example renders to exactly its committed pipeline.yml.",
    'for f in packages/examples/*/pipeline.ts; do node packages/sdk/bin/sdk.js render "$f" -o "$(dirname "$f")/pipeline.yml" --check; done',
    "# Every pipeline in the repository passes contrail's lint (Concourse's own checks, and more).",
    "git ls-files -z '*pipeline.yml' | xargs -0 -r node packages/sdk/bin/sdk.js lint",
  ),
});

const testJob = new Job("test", { plan: [src, test, checkPipelines] });

const tested = repo.get({ trigger: true, passed: [testJob] });

const renderSelf = new Task("render-self", {
  image: NODE_IMAGE,
  inputs: [tested],
  outputs: ["rendered"],
  run: script("node packages/sdk/bin/sdk.js render packages/examples/self/pipeline.ts -o ../rendered/pipeline.yml"),
});

const updateSelf = new Job("update-pipeline", {
  serial: true,
  plan: [
    tested,
    renderSelf,
    setPipeline("self", renderSelf.outputs.rendered.file("pipeline.yml"), { vars: { contrail_repo_uri: config.contrail_repo_uri } }),
  ],
});

export default new Pipeline({ jobs: [testJob, updateSelf] });
