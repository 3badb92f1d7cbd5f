// Imported from packages/examples/blog/pipeline.yml by `sdk import`.
import { defineVars, GitResource, inParallel, Job, loadVar, OciBuildTask, Pipeline, RegistryImage, RegistryTag } from "contrail";

const secrets = defineVars("docker_hub_username", "docker_hub_password");

const myRepo = new GitResource("my-repo", { source: { uri: "https://github.com/tlwr/my-repo.git", branch: "main" } });

const rubyImgTag = new RegistryTag("ruby-img-tag", {
  icon: "tag",
  checkEvery: "15m",
  source: {
    uri: "https://hub.docker.com/v2/repositories/library/ruby",
    pages: 3,
    regexp: "^[0-9]+[.][0-9]+[.][0-9]+-alpine$",
    semver: { matcher: ">= 2.7" },
  },
});

const myImage = new RegistryImage("my-image", {
  source: { repository: "docker.io/tlwr/my-image", username: secrets.docker_hub_username, password: secrets.docker_hub_password },
});

const myRepoGet = myRepo.get({ trigger: true });

const rubyImgTagGet = rubyImgTag.get({ trigger: true });

const rubyVersion = loadVar("ruby_version", rubyImgTagGet.files.tag);

const build = new OciBuildTask("build", {
  context: myRepoGet,
  buildArgs: { ruby_version: rubyVersion },
  image: { repository: "vito/oci-build-task" },
});

const buildMyRepo = new Job("build-my-repo", {
  plan: [inParallel(myRepoGet, rubyImgTagGet), rubyVersion, build, myImage.put({ params: { image: build.image.file("image.tar") } })],
});

export default new Pipeline({ jobs: [buildMyRepo] });
