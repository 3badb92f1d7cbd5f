// Imported from concourse__examples/pipelines/golang-lib.yml by `sdk import`.
// Left out the top-level key 'task-config': Concourse ignores keys it does not know (&task-config is the const taskConfig).
import { Job, Pipeline, RegistryImage, Task } from "contrail";

const taskConfig = {
  run: {
    path: "/bin/sh",
    args: [
      "-c",
      `GOPATH=$PWD/go

go version
`,
    ],
  },
};

const golang120XImage = new RegistryImage("golang-1.20.x-image", { icon: "docker", source: { repository: "golang", tag: "1.20-alpine" } });

const golang121XImage = new RegistryImage("golang-1.21.x-image", { icon: "docker", source: { repository: "golang", tag: "1.21-alpine" } });

const golang122XImage = new RegistryImage("golang-1.22.x-image", { icon: "docker", source: { repository: "golang", tag: "1.22-alpine" } });

const golang120XImageGet = golang120XImage.get({ trigger: true });

const golang120 = new Job("golang-1.20", {
  plan: [golang120XImageGet, new Task("run-tests", { ...taskConfig, image: golang120XImageGet })],
  public: true,
  buildLogRetention: { builds: 50 },
});

const golang121XImageGet = golang121XImage.get({ trigger: true });

const golang121 = new Job("golang-1.21", {
  plan: [golang121XImageGet, new Task("run-tests", { ...taskConfig, image: golang121XImageGet })],
  public: true,
  buildLogRetention: { builds: 50 },
});

const golang122XImageGet = golang122XImage.get({ trigger: true });

const golang122 = new Job("golang-1.22", {
  plan: [golang122XImageGet, new Task("run-tests", { ...taskConfig, image: golang122XImageGet })],
  public: true,
  buildLogRetention: { builds: 50 },
});

export default new Pipeline({ jobs: [golang120, golang121, golang122] });
