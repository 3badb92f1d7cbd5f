import { describe, expect, it } from "vitest";
import blog from "../../../packages/examples/blog/pipeline.ts";

describe("the blog example", () => {
  it("still renders the seed post's config", () => {
    const { config } = blog.synth();
    expect(config.resources).toEqual([
      { name: "my-repo", type: "git", source: { uri: "https://github.com/tlwr/my-repo.git", branch: "main" } },
      {
        name: "ruby-img-tag",
        type: "registry-tag",
        icon: "tag",
        source: {
          uri: "https://hub.docker.com/v2/repositories/library/ruby",
          pages: 3,
          regexp: "^[0-9]+[.][0-9]+[.][0-9]+-alpine$",
          semver: { matcher: ">= 2.7" },
        },
        check_every: "15m",
      },
      {
        name: "my-image",
        type: "registry-image",
        source: { repository: "docker.io/tlwr/my-image", username: "((docker_hub_username))", password: "((docker_hub_password))" },
      },
    ]);
    expect(config.resource_types).toEqual([
      { name: "registry-tag", type: "registry-image", source: { repository: "tlwr/registry-tag-resource", tag: "1593696431" } },
    ]);
  });

  it("has warnings only: the vito image and the put with no tag", () => {
    expect(blog.synth().diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`)).toEqual([
      "warning oci-build-task-vito-image jobs.build-my-repo.plan[2].config.image_resource.source.repository",
      "warning registry-image-put-no-tag jobs.build-my-repo.plan[3].params",
    ]);
  });
});
