import { describe, expect, it } from "vitest";
import { DockerImage, Job, Pipeline } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

const deprecatedType = e("docker-image-deprecated", "", "warning");

describe("docker-image (deprecated)", () => {
  table("docker-image", [
    [
      "a repository warns that the type is deprecated",
      "source",
      { repository: "concourse/git-resource", username: "u", password: "p" },
      [deprecatedType],
    ],
    ["a build put", "put", { build: "git-resource", tag_file: "version/number", build_args: { DO_THING: true, N: 2 } }, []],
    ["a save get", "get", { save: true }, []],
    ["repository is required", "source", {}, [e("resource-missing-field", "repository"), deprecatedType]],
    ["load_file without load_repository", "put", { load_file: "img/image" }, [e("docker-image-load-file-without-repository", "load_file")]],
    ["tag is deprecated", "put", { build: "b", tag: "v/number" }, [e("docker-image-tag-deprecated", "tag", "warning")]],
    [
      "pull_repository is deprecated",
      "put",
      { pull_repository: "a", pull_tag: "b" },
      [
        e("docker-image-pull-repository-deprecated", "pull_repository", "warning"),
        e("docker-image-pull-tag-deprecated", "pull_tag", "warning"),
      ],
    ],
  ]);

  it("warns at render, naming registry-image", () => {
    const image = new DockerImage("img", { source: { repository: "x" } });
    const found = new Pipeline({ jobs: [new Job("j", { plan: [image.get()] })] }).synth().diagnostics;
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [image.get()] })] }))).toEqual([
      e("docker-image-deprecated", "resources.img.source", "warning"),
    ]);
    expect(found[0]?.message).toContain("registry-image");
  });
});
