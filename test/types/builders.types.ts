/**
 * Type tests: what must not compile. `pnpm typecheck` checks this file; every
 * `@ts-expect-error` fails the check if the line below it compiles.
 */
import { defineVars, GitResource, Job, loadVar, OciBuildTask, Pipeline, RegistryImage, RegistryTag, Task } from "contrail";

const repo = new GitResource("repo", { source: { uri: "https://example.com/r.git" } });
const tags = new RegistryTag("tags", { source: { uri: "https://hub.docker.com/v2/repositories/library/ruby" } });
const image = new RegistryImage("image", { source: { repository: "x/y" } });

// @ts-expect-error registry-tag has no `out`: a put to it does not type-check.
tags.put();

// @ts-expect-error passed: takes Job objects, not names.
repo.get({ passed: ["unit"] });

// @ts-expect-error a task input is an artifact handle, not a string.
new Task("t", { inputs: ["repo"], run: { path: "true" } });

// @ts-expect-error a misspelt source key.
new GitResource("r", { source: { uri: "x", brnch: "main" } });

// @ts-expect-error a wrong field type in a source.
new GitResource("r", { source: { uri: "x", version_depth: "2" } });

// @ts-expect-error get params are typed per resource.
repo.get({ params: { dept: 1 } });

const build = new OciBuildTask("build", { context: repo.get() });
// @ts-expect-error the build's outputs are known: there is no `images` output.
build.outputs.images;

const secrets = defineVars("user", "password");
// @ts-expect-error a misspelt var name.
secrets.passwrd;

// @ts-expect-error a job's plan holds steps, not resources.
new Job("j", { plan: [repo] });

// @ts-expect-error a pipeline's jobs are Job objects.
new Pipeline({ jobs: ["j"] });

// @ts-expect-error loadVar reads a file path, not a resource.
loadVar("v", repo);

// Typed file handles exist, and put params take them.
const tag = tags.get();
loadVar("v", tag.files.tag);
image.put({ params: { image: build.image.file("image.tar") } });
