// Task file declarations imported from packages/examples/file-tasks/ci/tasks by `sdk import`; regenerate with `sdk import packages/examples/file-tasks/ci/tasks --root packages/examples/file-tasks -o packages/examples/file-tasks/tasks.ts --force`.

import { defineTask } from "contrail";

/** Declares the task file `packages/examples/file-tasks/ci/tasks/build.yml`. */
export const build = defineTask({
  file: "ci/tasks/build.yml",
  inputs: { app: "required", coverage: "optional" },
  outputs: ["dist"],
  params: { VERSION: "required", NODE_ENV: "optional" },
  vars: ["node_version"],
});

/** Declares the task file `packages/examples/file-tasks/ci/tasks/publish.yml`. */
export const publish = defineTask({
  file: "ci/tasks/publish.yml",
  inputs: { app: "required", dist: "required" },
  params: { NPM_TOKEN: "required", NPM_TAG: "optional" },
});

/** Declares the task file `packages/examples/file-tasks/ci/tasks/unit.yml`. */
export const unit = defineTask({
  file: "ci/tasks/unit.yml",
  inputs: { app: "required" },
  outputs: ["coverage"],
  params: { NODE_ENV: "optional" },
  vars: ["node_version"],
});
