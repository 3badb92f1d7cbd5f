import { describe, expect, it } from "vitest";
import { BoshIoRelease, BoshIoStemcell } from "../../../packages/sdk/src/index.ts";
import { e, table } from "./_helpers.ts";

describe("bosh-io-release", () => {
  table("bosh-io-release", [
    ["a release", "source", { repository: "concourse/concourse-bosh-release" }, []],
    ["a locked version", "source", { repository: "r", release_version: "7.11.2" }, []],
    ["no tarball", "get", { tarball: false }, []],
    ["repository is required", "source", {}, [e("resource-missing-field", "repository")]],
    [
      "release_version must be a string",
      "source",
      { repository: "r", release_version: 7.1 },
      [e("bosh-io-release-version-not-string", "release_version")],
    ],
    ["a put is not supported", "put", {}, [e("resource-put-not-supported", "")]],
  ]);
});

describe("bosh-io-stemcell", () => {
  table("bosh-io-stemcell", [
    ["a stemcell", "source", { name: "bosh-aws-xen-hvm-ubuntu-jammy-go_agent", version_family: "1.200", force_regular: true }, []],
    ["name is required", "source", { version_family: "1" }, [e("resource-missing-field", "name")]],
    [
      "version_family must be a string",
      "source",
      { name: "n", version_family: 3262 },
      [e("bosh-io-stemcell-version-family-not-string", "version_family")],
    ],
    ["an unknown get param", "get", { tarbal: false }, [e("resource-unknown-field", "tarbal", "warning")]],
  ]);

  it("are get-only and give tarball handles", () => {
    const stemcell = new BoshIoStemcell("stemcell", { source: { name: "n" } });
    const release = new BoshIoRelease("release", { source: { repository: "r" } });
    expect("put" in stemcell || "put" in release).toBe(false);
    expect([stemcell.get().files.tarball, release.get().files.sha1].map(String)).toEqual(["stemcell/stemcell.tgz", "release/sha1"]);
  });
});
