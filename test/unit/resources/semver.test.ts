import { describe, expect, it } from "vitest";
import { Job, Pipeline, SemverResource } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

describe("semver: documented examples", () => {
  table("semver", [
    ["s3 (the default driver)", "source", { bucket: "b", key: "current-version", access_key_id: "((k))", initial_version: "1.0.0" }, []],
    ["s3, explicit", "source", { driver: "s3", bucket: "b", key: "v", checksum_algorithm: "CRC32C" }, []],
    [
      "git",
      "source",
      { driver: "git", uri: "git@github.com:org/repo.git", branch: "version", file: "version", private_key: "((key))" },
      [],
    ],
    ["swift", "source", { driver: "swift", openstack: { container: "c", item_name: "v", region: "r", username: "u" } }, []],
    ["gcs with a json key", "source", { driver: "gcs", bucket: "b", key: "v", json_key: "((gcs))" }, []],
    ["a get bump", "get", { bump: "minor", pre: "rc" }, []],
    ["a put bump", "put", { bump: "patch" }, []],
    ["a put from a file", "put", { file: "version/version" }, []],
    ["a put get_latest", "put", { get_latest: true }, []],
  ]);
});

describe("semver: rules", () => {
  table("semver", [
    ["s3 needs bucket and key", "source", { bucket: "b" }, [e("resource-missing-field", "key")]],
    [
      "git needs uri, branch and file",
      "source",
      { driver: "git", uri: "u" },
      [e("resource-missing-field", "branch"), e("resource-missing-field", "file")],
    ],
    ["swift needs openstack", "source", { driver: "swift" }, [e("resource-missing-field", "openstack")]],
    [
      "swift needs container, item_name and region",
      "source",
      { driver: "swift", openstack: { container: "c" } },
      [e("resource-missing-field", "openstack.item_name"), e("resource-missing-field", "openstack.region")],
    ],
    ["gcs needs json_key or token", "source", { driver: "gcs", bucket: "b", key: "k" }, [e("semver-gcs-json-key-or-token", "")]],
    [
      "gcs takes only one of json_key and token",
      "source",
      { driver: "gcs", bucket: "b", key: "k", json_key: "j", token: "t" },
      [e("semver-gcs-json-key-or-token", "token")],
    ],
    ["an unknown driver", "source", { driver: "ftp", bucket: "b", key: "k" }, [e("semver-invalid-driver", "driver")]],
    [
      "swift application_credential_secret is ignored",
      "source",
      { driver: "swift", openstack: { container: "c", item_name: "i", region: "r", application_credential_secret: "s" } },
      [e("semver-swift-credential-secret-ignored", "openstack.application_credential_secret", "warning")],
    ],
    ["a bump that is silently ignored", "put", { bump: "mayor" }, [e("resource-invalid-value", "bump")]],
    ["a put without a bump", "put", {}, [e("semver-put-needs-bump", "")]],
    ["a ((var)) driver is not checked per driver", "source", { driver: "((driver))", bucket: "b" }, []],
    ["git's keys under the s3 driver", "source", { bucket: "b", key: "k", uri: "u" }, [e("resource-unknown-field", "uri", "warning")]],
  ]);

  it("renders a git-driver resource and a put bump without problems", () => {
    const version = new SemverResource("version", { source: { driver: "git", uri: "u", branch: "b", file: "f" } });
    const bump = version.put({ params: { bump: "minor" } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [bump] })] }))).toEqual([]);
    expect(String(bump.files.version)).toBe("version/version");
  });
});
