import { describe, expect, it } from "vitest";
import { GitResource, Job, OciBuildTask, Pipeline, RegistryImage } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e } from "./_helpers.ts";

const repo = new GitResource("repo", { source: { uri: "x" } });

function render(build: OciBuildTask<string>, src: ReturnType<typeof repo.get>) {
  const pipeline = new Pipeline({ jobs: [new Job("j", { plan: [src, build] })] });
  const plan = (pipeline.synth().config.jobs[0]?.plan ?? []) as unknown as Record<string, unknown>[];
  return { step: plan[1] as Record<string, unknown>, found: diagnostics(pipeline) };
}

describe("oci-build-task", () => {
  it("renders every param from typed options", () => {
    const src = repo.get();
    const build = new OciBuildTask("build", {
      context: src.file("app"),
      dockerfile: src.file("app/Dockerfile.prod"),
      target: "prod",
      targetFile: src.file("target"),
      additionalTargets: ["test"],
      buildArgs: { A: "1" },
      buildArgsFile: src.file("args.yml"),
      imageArgs: { BASE: src.file("base/image.tar") },
      labels: { org: "x" },
      labelsFile: src.file("labels"),
      secrets: { npmrc: src.file(".npmrc") },
      secretTexts: { token: "((token))" },
      ssh: "default=repo/key",
      addHosts: ["a=1.2.3.4", "b=5.6.7.8"],
      buildkitExtraConfig: "[registry]",
      registryMirrors: ["mirror.gcr.io"],
      platforms: ["linux/amd64"],
      outputOci: true,
      debug: true,
      cache: true,
      image: { tag: "0.14.3" },
    });
    const { step, found } = render(build, src);
    expect(found).toEqual([]);
    expect(step["privileged"]).toBe(true);
    expect(step["params"]).toEqual({
      CONTEXT: "repo/app",
      DOCKERFILE: "repo/app/Dockerfile.prod",
      TARGET: "prod",
      TARGET_FILE: "repo/target",
      ADDITIONAL_TARGETS: "test",
      BUILD_ARG_A: "1",
      BUILD_ARGS_FILE: "repo/args.yml",
      IMAGE_ARG_BASE: "repo/base/image.tar",
      LABEL_org: "x",
      LABELS_FILE: "repo/labels",
      BUILDKIT_SECRET_npmrc: "repo/.npmrc",
      BUILDKIT_SECRETTEXT_token: "((token))",
      BUILDKIT_SSH: "default=repo/key",
      BUILDKIT_ADD_HOSTS: "a=1.2.3.4,b=5.6.7.8",
      BUILDKIT_EXTRA_CONFIG: "[registry]",
      REGISTRY_MIRRORS: "mirror.gcr.io",
      IMAGE_PLATFORM: "linux/amd64",
      OUTPUT_OCI: "true",
      DEBUG: "true",
    });
    const config = step["config"] as Record<string, unknown>;
    expect(config["run"]).toEqual({ path: "build" });
    expect(config["image_resource"]).toEqual({ type: "registry-image", source: { repository: "concourse/oci-build-task", tag: "0.14.3" } });
    expect(config["outputs"]).toEqual([{ name: "image" }, { name: "test" }]);
    expect(config["caches"]).toEqual([{ path: "cache" }]);
    expect(String(build.outputs.test)).toBeDefined();
    expect(build.outputs.test.artifactName).toBe("test");
    expect(build.cachePath).toBe("cache");
  });

  it("renders OUTPUT_OCI for several platforms, and gives file handles", () => {
    const src = repo.get();
    const build = new OciBuildTask("build", { context: src, platforms: ["linux/amd64", "linux/arm64"] });
    const { step, found } = render(build, src);
    expect(found).toEqual([]);
    expect(step["params"]).toEqual({ IMAGE_PLATFORM: "linux/amd64,linux/arm64", OUTPUT_OCI: "true" });
    expect([build.files.ociLayout, build.files.imageTar, build.files.digest].map(String)).toEqual([
      "image/image",
      "image/image.tar",
      "image/digest",
    ]);
  });

  it("warns when outputOci: false is forced by several platforms", () => {
    const src = repo.get();
    const { found } = render(new OciBuildTask("build", { context: src, platforms: ["linux/amd64", "linux/arm64"], outputOci: false }), src);
    expect(found).toEqual([e("oci-build-task-multi-platform-forces-oci", "jobs.j.plan[1].params.OUTPUT_OCI", "warning")]);
  });

  it("warns that UNPACK_ROOTFS is inert with OCI output", () => {
    const src = repo.get();
    const { found } = render(new OciBuildTask("build", { context: src, outputOci: true, unpackRootfs: true }), src);
    expect(found).toEqual([e("oci-build-task-unpack-rootfs-ignored", "jobs.j.plan[1].params.UNPACK_ROOTFS", "warning")]);
  });

  it("warns about the vito/oci-build-task image, which moved", () => {
    const src = repo.get();
    const { found } = render(new OciBuildTask("build", { context: src, image: { repository: "vito/oci-build-task" } }), src);
    expect(found).toEqual([e("oci-build-task-vito-image", "jobs.j.plan[1].config.image_resource.source.repository", "warning")]);
  });

  it("warns about undocumented list params", () => {
    const src = repo.get();
    const { found } = render(new OciBuildTask("build", { context: src, params: { BUILD_ARGS: "a=1" } }), src);
    expect(found).toEqual([e("oci-build-task-undocumented-param", "jobs.j.plan[1].params.BUILD_ARGS", "warning")]);
  });

  it("pushes the image tarball with registry-image", () => {
    const src = repo.get();
    const build = new OciBuildTask("build", { context: src });
    const image = new RegistryImage("img", { source: { repository: "x", tag: "latest" } });
    expect(
      diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [src, build, image.put({ params: { image: build.files.imageTar } })] })] })),
    ).toEqual([]);
  });
});
