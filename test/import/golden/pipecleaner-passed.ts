// Imported from alphagov__paas-cf/tools/pipecleaner/fixtures/pipecleaner_all_resources_used_passed.yml by `sdk import`.
import { Job, Pipeline, Resource, Task } from "contrail";

const myGitRepo = new Resource("my-git-repo", { type: "git" });

const triggerOnResource = new Job("trigger-on-resource", { plan: [myGitRepo.get({ trigger: true })] });

const myGitRepoGet = myGitRepo.get({ passed: [triggerOnResource] });

const resourceGatePassed = new Job("resource-gate-passed", {
  plan: [
    myGitRepoGet,
    new Task("using-git-repo-as-input-with-passed-gate", {
      image: { type: "docker-image", source: { repository: "ghcr.io/alphagov/paas/is-the-best" } },
      inputs: [myGitRepoGet],
      run: { path: "sh", args: ["-c", "echo"] },
    }),
  ],
});

export default new Pipeline({ jobs: [triggerOnResource, resourceGatePassed] });
