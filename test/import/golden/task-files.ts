// Task file declarations imported from test/import/fixtures/task-files/ci by `sdk import`; regenerate with `sdk import test/import/fixtures/task-files/ci --root test/import/fixtures/task-files -o test/import/.tmp/task-files/tasks.ts --force`.

import { defineTask } from "contrail";

/** Declares the task file `test/import/fixtures/task-files/ci/tasks/nested/publish.yaml`. */
export const publish = defineTask({
  file: "ci/tasks/nested/publish.yaml",
  inputs: { built: "required" },
  params: { TARGET: "optional", API_KEY: "optional", LOCAL: "optional" },
  vars: ["target"],
});

/** Declares the task file `test/import/fixtures/task-files/ci/tasks/nested/unit-tests.yml`. */
export const ciTasksNestedUnitTests = defineTask({ file: "ci/tasks/nested/unit-tests.yml" });

/** Declares the task file `test/import/fixtures/task-files/ci/tasks/unit-tests.yml`. */
export const ciTasksUnitTests = defineTask({
  file: "ci/tasks/unit-tests.yml",
  inputs: { repo: "required", cache: "optional" },
  outputs: ["coverage"],
  params: { GOFLAGS: "optional", CODECOV_TOKEN: "required" },
  vars: ["go_version"],
});
