/**
 * The blog post's "going further": one job builds my-image for several Ruby versions at
 * once with `across`, and pushes each build tagged with its Ruby version.
 *
 * The across var exists only inside the `do` it modifies: using `rubyVersion` outside it
 * fails at render with the step's path.
 */
import { acrossVar, defineVars, doSteps, GitResource, Job, OciBuildTask, Pipeline, RegistryImage } from "contrail";

const secrets = defineVars("docker_hub_username", "docker_hub_password");

const repo = new GitResource("my-repo", {
  source: { uri: "https://github.com/tlwr/my-repo.git", branch: "main" },
});

const image = new RegistryImage("my-image", {
  source: {
    repository: "docker.io/tlwr/my-image",
    username: secrets.docker_hub_username,
    password: secrets.docker_hub_password,
  },
});

const src = repo.get({ trigger: true });

// Two builds at a time; each value becomes ((.:ruby_version)) inside the do step.
const rubyVersion = acrossVar("ruby_version", ["3.2", "3.3", "3.4"], { maxInFlight: 2 });

const build = new OciBuildTask("build", {
  context: src,
  buildArgs: { ruby_version: rubyVersion },
});

const push = image.put({
  params: { image: build.image.file("image.tar"), version: rubyVersion },
});

export default new Pipeline({
  jobs: [
    new Job("build-my-repo", {
      plan: [src, doSteps([build, push], { across: [rubyVersion], failFast: true })],
    }),
  ],
});
