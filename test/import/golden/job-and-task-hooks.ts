// Imported from concourse__examples/pipelines/job-and-task-hooks.yml by `sdk import`.
// Left out the top-level key 'task-config': Concourse ignores keys it does not know (&task-config is the const taskConfig).
import { Job, Pipeline, Task } from "contrail";

const taskConfig = { image: { repository: "busybox" } };

const job = new Job("job", {
  plan: [
    new Task("successful-task", {
      ...taskConfig,
      run: { path: "sh", args: ["-lc", "exit 0"] },
      onSuccess: new Task("task-success", { ...taskConfig, run: { path: "echo", args: ["This task succeeded!"] } }),
      onAbort: new Task("task-aborted", { ...taskConfig, run: { path: "echo", args: ["This task was aborted!"] } }),
    }),
    new Task("failing-task", {
      ...taskConfig,
      run: { path: "sh", args: ["-lc", "exit 1"] },
      onFailure: new Task("task-failure", { ...taskConfig, run: { path: "echo", args: ["This task failed!"] } }),
    }),
  ],
  public: true,
  onSuccess: new Task("job-success", { ...taskConfig, run: { path: "echo", args: ["This job succeeded!"] } }),
  onFailure: new Task("job-failure", { ...taskConfig, run: { path: "echo", args: ["This job failed!"] } }),
  onAbort: new Task("job-aborted", { ...taskConfig, run: { path: "echo", args: ["This job was aborted!"] } }),
});

export default new Pipeline({ jobs: [job] });
