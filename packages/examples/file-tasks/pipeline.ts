/**
 * A Node package tested, built and published by task files that live in its repository
 * (`ci/tasks/*.yml`), typed through their declarations in `tasks.ts`. Those are generated
 * from the task files; after changing one, regenerate them from the repository's root:
 *
 *   pnpm sdk import packages/examples/file-tasks/ci/tasks --root packages/examples/file-tasks \
 *     -o packages/examples/file-tasks/tasks.ts --force
 *
 * `artifacts: { app: "." }` says the artifact `app` (the get of the repository) is this
 * folder, so render reads each task file, checks the plan against it and fails with a diff
 * when a declaration no longer matches its file. See docs/file-tasks.md.
 */
import { defineVars, FileTask, GitResource, Job, loadVar, Pipeline, SemverResource } from "contrail";
import * as tasks from "./tasks.ts";

const secrets = defineVars("npm_token", "github_deploy_key");

const repo = new GitResource("app", {
  source: { uri: "git@github.com:example/app.git", branch: "main", private_key: secrets.github_deploy_key },
});
const version = new SemverResource("version", {
  source: {
    driver: "git",
    uri: "git@github.com:example/app.git",
    branch: "version",
    file: "version",
    private_key: secrets.github_deploy_key,
  },
});

const node = { node_version: "22" };

const testSrc = repo.get({ trigger: true });
const unit = new FileTask("unit", tasks.unit, { from: testSrc, inputs: { app: testSrc }, vars: node });
const test = new Job("test", { plan: [testSrc, unit] });

const src = repo.get({ trigger: true, passed: [test] });
const next = version.get({ params: { bump: "patch" } });
const versionNumber = loadVar("version", next.files.number);
const build = new FileTask("build", tasks.build, {
  from: src,
  inputs: { app: src },
  params: { VERSION: versionNumber },
  vars: node,
});
const publish = new FileTask("publish", tasks.publish, {
  from: src,
  inputs: { app: src, dist: build.outputs.dist },
  params: { NPM_TOKEN: secrets.npm_token },
});

export default new Pipeline({
  artifacts: { app: "." },
  jobs: [
    test,
    new Job("publish", { plan: [src, next, versionNumber, build, publish, version.put({ params: { file: next.files.version } })] }),
  ],
});
