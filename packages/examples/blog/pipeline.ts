/**
 * The pipeline of the blog post "Automatic updates of Docker images with Concourse":
 * rebuild my-image whenever my-repo changes or a new ruby alpine image is tagged, with the
 * newest ruby version as a build arg, and push it to Docker Hub.
 */
import { defineVars, GitResource, inParallel, Job, loadVar, OciBuildTask, Pipeline, RegistryImage, RegistryTag } from "contrail";

// Credentials come from Concourse's credential manager; a typo here fails to compile.
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

const rubyTag = new RegistryTag("ruby-img-tag", {
  icon: "tag",
  checkEvery: "15m",
  source: {
    uri: "https://hub.docker.com/v2/repositories/library/ruby",
    pages: 3,
    regexp: "^[0-9]+[.][0-9]+[.][0-9]+-alpine$",
    semver: { matcher: ">= 2.7" },
  },
});

const src = repo.get({ trigger: true });
const tag = rubyTag.get({ trigger: true });
const rubyVersion = loadVar("ruby_version", tag.files.tag);

const build = new OciBuildTask("build", {
  context: src,
  buildArgs: { ruby_version: rubyVersion },
  // The post predates the image's move to concourse/oci-build-task.
  image: { repository: "vito/oci-build-task" },
});

export default new Pipeline({
  jobs: [
    new Job("build-my-repo", {
      plan: [inParallel(src, tag), rubyVersion, build, image.put({ params: { image: build.image.file("image.tar") } })],
    }),
  ],
});
