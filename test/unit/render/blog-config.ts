/**
 * The final pipeline of the seed blog post as a config model, with keys deliberately out of
 * canonical order and a multi-line script added, so the golden file shows both the key
 * order and the layout.
 */
import type { PipelineConfig } from "../../../packages/sdk/src/model/pipeline.ts";

/** A blog-like pipeline: one resource type, three resources, one job. */
export function blogConfig(): PipelineConfig {
  return {
    jobs: [
      {
        plan: [
          {
            in_parallel: [
              { trigger: true, get: "my-repo" },
              { get: "ruby-img-tag", trigger: true },
            ],
          },
          { file: "ruby-img-tag/tag", load_var: "ruby_version" },
          {
            privileged: true,
            task: "build",
            params: { BUILD_ARG_ruby_version: "((.:ruby_version))" },
            config: {
              run: { path: "build" },
              outputs: [{ name: "image" }],
              inputs: [{ path: ".", name: "my-repo" }],
              image_resource: { source: { repository: "vito/oci-build-task" }, type: "registry-image" },
              platform: "linux",
            },
          },
          {
            task: "smoke-test",
            config: {
              platform: "linux",
              image_resource: { type: "registry-image", source: { repository: "alpine", tag: "3.20" } },
              inputs: [{ name: "image" }],
              run: { path: "sh", args: ["-ec", 'test -s image/image.tar\necho "image built: on"\n'] },
            },
          },
          { params: { image: "image/image.tar" }, put: "my-image" },
        ],
        name: "build-my-repo",
      },
    ],
    resources: [
      { name: "my-repo", type: "git", source: { uri: "https://github.com/tlwr/my-repo.git", branch: "main" } },
      {
        source: { repository: "docker.io/tlwr/my-image", username: "((docker_hub_username))", password: "((docker_hub_password))" },
        type: "registry-image",
        name: "my-image",
      },
      {
        name: "ruby-img-tag",
        type: "registry-tag",
        check_every: "15m",
        icon: "tag",
        source: {
          uri: "https://hub.docker.com/v2/repositories/library/ruby",
          pages: 3,
          regexp: "^[0-9]+[.][0-9]+[.][0-9]+-alpine$",
          semver: { matcher: ">= 2.7" },
        },
      },
    ],
    resource_types: [
      { type: "registry-image", name: "registry-tag", source: { repository: "tlwr/registry-tag-resource", tag: "1593696431" } },
    ],
  };
}
