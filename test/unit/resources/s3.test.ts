import { describe, expect, it } from "vitest";
import { Job, Pipeline, S3Resource } from "../../../packages/sdk/src/index.ts";
import { check, diagnostics, e, table } from "./_helpers.ts";

describe("s3: documented examples", () => {
  table("s3", [
    [
      "regexp",
      "source",
      { bucket: "releases", regexp: "directory_on_s3/release-(.*).tgz", access_key_id: "((k))", secret_access_key: "((s))" },
      [],
    ],
    [
      "versioned_file with an initial version",
      "source",
      { bucket: "b", versioned_file: "app.tgz", initial_version: "0", initial_content_text: "hi" },
      [],
    ],
    [
      "an S3-compatible endpoint",
      "source",
      { bucket: "b", regexp: "a-(.*)", endpoint: "minio:9000", use_path_style: true, checksum_algorithm: "SHA256" },
      [],
    ],
    ["skip_download as a string", "get", { skip_download: "true", unpack: true }, []],
    ["a put", "put", { file: "build/app-*.tgz", acl: "public-read" }, []],
  ]);
});

describe("s3: rules", () => {
  table("s3", [
    ["bucket is required", "source", { regexp: "a-(.*)" }, [e("resource-missing-field", "bucket")]],
    ["regexp or versioned_file is required", "source", { bucket: "b" }, [e("s3-regexp-or-versioned-file", "")]],
    [
      "regexp and versioned_file",
      "source",
      { bucket: "b", regexp: "a", versioned_file: "v" },
      [e("s3-regexp-and-versioned-file", "versioned_file")],
    ],
    [
      "initial_path without regexp",
      "source",
      { bucket: "b", versioned_file: "v", initial_path: "p" },
      [e("s3-initial-path-without-regexp", "initial_path")],
    ],
    [
      "initial_version without versioned_file",
      "source",
      { bucket: "b", regexp: "a", initial_version: "1" },
      [e("s3-initial-version-without-versioned-file", "initial_version")],
    ],
    [
      "ca_bundle and skip_ssl_verification",
      "source",
      { bucket: "b", regexp: "a", skip_ssl_verification: true, ca_bundle: "PEM" },
      [e("s3-ca-bundle-and-skip-ssl-verification", "ca_bundle")],
    ],
    [
      "initial content text and binary",
      "source",
      { bucket: "b", regexp: "a", initial_path: "p", initial_content_text: "t", initial_content_binary: "Yg==" },
      [e("s3-initial-content-text-and-binary", "initial_content_binary")],
    ],
    [
      "initial content without an initial version",
      "source",
      { bucket: "b", regexp: "a", initial_content_text: "t" },
      [e("s3-initial-content-without-initial", "initial_content_text")],
    ],
    [
      "checksum_algorithm with skip_s3_checksums",
      "source",
      { bucket: "b", regexp: "a", skip_s3_checksums: true, checksum_algorithm: "CRC32" },
      [e("s3-checksum-algorithm-and-skip-checksums", "checksum_algorithm")],
    ],
    [
      "cloudfront_url is deprecated",
      "source",
      { bucket: "b", regexp: "a", cloudfront_url: "https://d.cloudfront.net" },
      [e("s3-cloudfront-url-deprecated", "cloudfront_url", "warning")],
    ],
    [
      "use_v2_signing was removed",
      "source",
      { bucket: "b", regexp: "a", use_v2_signing: true },
      [e("s3-use-v2-signing-removed", "use_v2_signing", "warning")],
    ],
    ["an unknown key is a warning", "source", { bucket: "b", regexp: "a", regex: "b" }, [e("resource-unknown-field", "regex", "warning")]],
    ["get skip_download as a boolean", "get", { skip_download: true }, [e("s3-skip-download-not-string", "skip_download")]],
    ["put needs file", "put", { acl: "private" }, [e("s3-put-needs-file", "file")]],
    ["file and from", "put", { file: "a", from: "b" }, [e("s3-file-and-from", "from"), e("s3-from-deprecated", "from", "warning")]],
    [
      "from/to are deprecated",
      "put",
      { from: "a-(.*)", to: "b/" },
      [e("s3-from-deprecated", "from", "warning"), e("s3-to-deprecated", "to", "warning")],
    ],
  ]);

  it("accepts a ((var)) for the get skip_download string", () => {
    expect(check("s3", "get", { skip_download: "((skip))" })).toEqual([]);
  });

  it("reports skip_download: true at render, at the get's params", () => {
    const notes = new S3Resource("notes", { source: { bucket: "b", regexp: "n-(.*)" } });
    const get = notes.get({ params: { skip_download: true as unknown as "true" } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [get] })] }))).toEqual([
      e("s3-skip-download-not-string", "jobs.j.plan[0].params.skip_download"),
    ]);
  });
});
