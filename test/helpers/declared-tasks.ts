/** A declared task file used by the file-task unit tests and type tests. */
import { defineTask } from "contrail";

/** A build task: a required and an optional input, an output, a required and an optional param, a var. */
export const buildTask = defineTask({
  file: "ci/tasks/build.yml",
  inputs: { source: "required", cache: "optional" },
  outputs: ["built"],
  params: { TOKEN: "required", GOFLAGS: "optional" },
  vars: ["version"],
});
