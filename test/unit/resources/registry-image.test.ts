import { describe, expect, it } from "vitest";
import { Job, Pipeline, RegistryImage } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

describe("registry-image: documented examples", () => {
  table("registry-image", [
    ["a tag", "source", { repository: "concourse/concourse", tag: "7.11" }, []],
    [
      "semver discovery with a variant",
      "source",
      { repository: "golang", variant: "alpine", semver_constraint: "~1.22", pre_releases: true, pre_release_prefixes: ["pre"] },
      [],
    ],
    ["ECR with roles", "source", { repository: "app", aws_region: "eu-west-1", aws_role_arns: ["arn:a", "arn:b"] }, []],
    ["a get as OCI", "get", { format: "oci", platform: { architecture: "arm64" } }, []],
    ["a get with overriding credentials", "get", { skip_download: true, username: "u", password: "((p))" }, []],
    ["a put with version and aliases", "put", { image: "image/image.tar", version: "1.2.3", bump_aliases: true }, [], { repository: "x" }],
    [
      "a put with additional tags and a prefix",
      "put",
      { image: "image/image", additional_tags: "tags/tags", tag_prefix: "v" },
      [],
      { repository: "x" },
    ],
    ["a put to the source tag", "put", { image: "image/image.tar" }, [], { repository: "x", tag: "latest" }],
  ]);
});

describe("registry-image: rules", () => {
  table("registry-image", [
    ["repository is required", "source", { tag: "1" }, [e("resource-missing-field", "repository")]],
    ["tag must be a string", "source", { repository: "x", tag: 3.1 }, [e("registry-image-tag-not-string", "tag")]],
    [
      "aws_role_arn and aws_role_arns",
      "source",
      { repository: "x", aws_role_arn: "a", aws_role_arns: ["b"] },
      [e("registry-image-aws-role-arn-and-arns", "aws_role_arns")],
    ],
    [
      "aws_ecr_registry_id is deprecated",
      "source",
      { repository: "x", aws_ecr_registry_id: "1" },
      [e("registry-image-aws-ecr-registry-id-deprecated", "aws_ecr_registry_id", "warning")],
    ],
    [
      "pre_release_prefixes without pre_releases",
      "source",
      { repository: "x", pre_release_prefixes: ["a"] },
      [e("registry-image-pre-release-prefixes-without-pre-releases", "pre_release_prefixes", "warning")],
    ],
    [
      "an unknown source key is an error (strict decoding)",
      "source",
      { repository: "x", tags: "1" },
      [e("resource-unknown-field", "tags")],
    ],
    [
      "a wrong azure_environment",
      "source",
      { repository: "x", azure_environment: "AzureMoon" },
      [e("resource-invalid-value", "azure_environment")],
    ],
    ["a wrong format", "get", { format: "tar" }, [e("resource-invalid-value", "format")]],
    ["put needs image", "put", { version: "1.0.0" }, [e("resource-missing-field", "image")], { repository: "x" }],
    [
      "tag_prefix without additional_tags",
      "put",
      { image: "i", version: "1.0.0", tag_prefix: "v" },
      [e("registry-image-tag-prefix-without-additional-tags", "tag_prefix")],
      { repository: "x" },
    ],
    [
      "bump_aliases without version",
      "put",
      { image: "i", bump_aliases: true },
      [e("registry-image-bump-aliases-without-version", "bump_aliases", "warning")],
      { repository: "x", tag: "t" },
    ],
    ["a put with no tag at all", "put", { image: "i" }, [e("registry-image-put-no-tag", "", "warning")], { repository: "x" }],
  ]);

  it("reports at render under the resource's path", () => {
    const image = new RegistryImage("img", { source: { repository: "x", aws_role_arn: "a", aws_role_arns: ["b"] } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [image.get({ params: { format: "oci" } })] })] }))).toEqual([
      e("registry-image-aws-role-arn-and-arns", "resources.img.source.aws_role_arns"),
    ]);
  });

  it("gives handles for the files of each format", () => {
    const get = new RegistryImage("img", { source: { repository: "x" } }).get();
    expect([get.files.digest, get.files.imageTar, get.files.rootfs, get.files.ociIndex].map(String)).toEqual([
      "img/digest",
      "img/image.tar",
      "img/rootfs",
      "img/oci/index.json",
    ]);
  });
});
