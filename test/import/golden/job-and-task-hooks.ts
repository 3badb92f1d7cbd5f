// Imported from concourse__examples/pipelines/job-and-task-hooks.yml by `sdk import`.
import { Job, Pipeline, Task } from "contrail";

const job = new Job("job", {
  plan: [
    new Task("successful-task", {
      image: { repository: "busybox" },
      run: { path: "sh", args: ["-lc", "exit 0"] },
      onSuccess: new Task("task-success", { image: { repository: "busybox" }, run: { path: "echo", args: ["This task succeeded!"] } }),
      onAbort: new Task("task-aborted", { image: { repository: "busybox" }, run: { path: "echo", args: ["This task was aborted!"] } }),
    }),
    new Task("failing-task", {
      image: { repository: "busybox" },
      run: { path: "sh", args: ["-lc", "exit 1"] },
      onFailure: new Task("task-failure", { image: { repository: "busybox" }, run: { path: "echo", args: ["This task failed!"] } }),
    }),
  ],
  public: true,
  onSuccess: new Task("job-success", { image: { repository: "busybox" }, run: { path: "echo", args: ["This job succeeded!"] } }),
  onFailure: new Task("job-failure", { image: { repository: "busybox" }, run: { path: "echo", args: ["This job failed!"] } }),
  onAbort: new Task("job-aborted", { image: { repository: "busybox" }, run: { path: "echo", args: ["This job was aborted!"] } }),
});

export default new Pipeline({
  jobs: [job],
  extra: { "task-config": { platform: "linux", image_resource: { type: "registry-image", source: { repository: "busybox" } } } },
});
