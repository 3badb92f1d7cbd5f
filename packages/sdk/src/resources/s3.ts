/**
 * The `s3` resource (core type): versioned objects in an S3-compatible bucket, by a
 * regexp over keys or by bucket versioning. It ignores unknown keys.
 * @see https://github.com/concourse/s3-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { defineSpec, deprecated, exclusive, isSet, type Rule, requires, type TypedResourceOptions } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/s3-resource";

/** S3 checksum algorithms. Shared with semver's s3 driver. */
export const ChecksumAlgorithmSchema = lazySchema(() => z.enum(["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"]));

/** Source of an s3 resource. @see https://github.com/concourse/s3-resource#source-configuration */
export const S3SourceSchema = lazySchema(() =>
  z.strictObject({
    /** The bucket's name. Required. */
    bucket: z.string().describe("The bucket's name. Required."),
    /** A regexp over object keys with a capture group (preferably named `version`), e.g. `releases/app-(.*).tgz`. One of `regexp` / `versioned_file`. */
    regexp: z
      .string()
      .optional()
      .describe(
        "A regexp over object keys with a capture group (preferably named version), e.g. releases/app-(.*).tgz. One of regexp / versioned_file.",
      ),
    /** The key of one object in a versioned bucket. One of `regexp` / `versioned_file`. */
    versioned_file: z.string().optional().describe("The key of one object in a versioned bucket. One of regexp / versioned_file."),
    /** AWS access key id; without credentials the resource is anonymous. */
    access_key_id: z.string().optional().describe("AWS access key id; without credentials the resource is anonymous."),
    /** AWS secret access key (use a `((var))`). */
    secret_access_key: z.string().optional().describe("AWS secret access key (use a ((var)))."),
    /** AWS session token. */
    session_token: z.string().optional().describe("AWS session token."),
    /** A role to assume. */
    aws_role_arn: z.string().optional().describe("A role to assume."),
    /** Use the AWS SDK's default credential chain. @default false */
    enable_aws_creds_provider: z.boolean().optional().describe("Use the AWS SDK's default credential chain. Default: false."),
    /** The region. @default "us-east-1" */
    region_name: z.string().optional().describe('The region. Default: "us-east-1".'),
    /** Presigned URLs; `url` is left out of the metadata. @default false */
    private: z.boolean().optional().describe("Presigned URLs; url is left out of the metadata. Default: false."),
    /** A custom endpoint (host or URL), for S3-compatible stores. */
    endpoint: z.string().optional().describe("A custom endpoint (host or URL), for S3-compatible stores."),
    /** Plain HTTP. @default false */
    disable_ssl: z.boolean().optional().describe("Plain HTTP. Default: false."),
    /** Skip TLS verification. Mutually exclusive with `ca_bundle`. @default false */
    skip_ssl_verification: z.boolean().optional().describe("Skip TLS verification. Mutually exclusive with ca_bundle. Default: false."),
    /** CA certificates (PEM) to trust. Mutually exclusive with `skip_ssl_verification`. */
    ca_bundle: z.string().optional().describe("CA certificates (PEM) to trust. Mutually exclusive with skip_ssl_verification."),
    /** Skip downloading the object on get (a boolean here; a string in get params). @default false */
    skip_download: z
      .boolean()
      .optional()
      .describe("Skip downloading the object on get (a boolean here; a string in get params). Default: false."),
    /** Server-side encryption: `AES256`, `aws:kms` or `aws:kms:dsse`. */
    server_side_encryption: z.string().optional().describe("Server-side encryption: AES256, aws:kms or aws:kms:dsse."),
    /** The KMS key id for `aws:kms`. */
    sse_kms_key_id: z.string().optional().describe("The KMS key id for aws:kms."),
    /** Disable multipart uploads. @default false */
    disable_multipart: z.boolean().optional().describe("Disable multipart uploads. Default: false."),
    /** Path-style URLs. @default false */
    use_path_style: z.boolean().optional().describe("Path-style URLs. Default: false."),
    /** Skip S3 checksums. Not with `checksum_algorithm`. @default false */
    skip_s3_checksums: z.boolean().optional().describe("Skip S3 checksums. Not with checksum_algorithm. Default: false."),
    /** The checksum algorithm. Not with `skip_s3_checksums: true`. */
    checksum_algorithm: ChecksumAlgorithmSchema.optional().describe("The checksum algorithm. Not with skip_s3_checksums: true."),
    /** With `regexp`: the path of an initial version when the bucket is empty. */
    initial_path: z.string().optional().describe("With regexp: the path of an initial version when the bucket is empty."),
    /** With `versioned_file`: the id of an initial version. */
    initial_version: z.string().optional().describe("With versioned_file: the id of an initial version."),
    /** Text content of the initial version. Not with `initial_content_binary`; needs `initial_path` or `initial_version`. */
    initial_content_text: z
      .string()
      .optional()
      .describe("Text content of the initial version. Not with initial_content_binary; needs initial_path or initial_version."),
    /** Base64 content of the initial version. Not with `initial_content_text`; needs `initial_path` or `initial_version`. */
    initial_content_binary: z
      .string()
      .optional()
      .describe("Base64 content of the initial version. Not with initial_content_text; needs initial_path or initial_version."),
    /** @deprecated Ignored: `endpoint` is enough. */
    cloudfront_url: z.string().optional().describe("Deprecated: Ignored: endpoint is enough."),
    /** @deprecated Removed: still decoded, has no effect. */
    use_v2_signing: z.boolean().optional().describe("Deprecated: Removed: still decoded, has no effect."),
  }),
);

/** Get params of s3. @see https://github.com/concourse/s3-resource#in-fetch-an-object-from-the-bucket */
export const S3GetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Skip the download: the STRING `"true"` or `"false"` (a YAML boolean fails to decode). Overrides the source's. */
    skip_download: z
      .enum(["true", "false"])
      .optional()
      .describe('Skip the download: the STRING "true" or "false" (a YAML boolean fails to decode). Overrides the source\'s.'),
    /** Unpack tar, gzip, bzip2 or zip archives. @default false */
    unpack: z.boolean().optional().describe("Unpack tar, gzip, bzip2 or zip archives. Default: false."),
    /** Write the object's tags to `tags.json`. @default false */
    download_tags: z.boolean().optional().describe("Write the object's tags to tags.json. Default: false."),
  }),
);

/** Put params of s3. @see https://github.com/concourse/s3-resource#out-upload-an-object-to-the-bucket */
export const S3PutParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Path glob of the file to upload; must match exactly one file. Required (not with `from`). */
    file: z.string().optional().describe("Path glob of the file to upload; must match exactly one file. Required (not with from)."),
    /** A canned ACL, e.g. `public-read`. */
    acl: z.string().optional().describe("A canned ACL, e.g. public-read."),
    /** The object's content type. */
    content_type: z.string().optional().describe("The object's content type."),
    /** @deprecated Use `file`: a regex of the local file to upload. */
    from: z.string().optional().describe("Deprecated: Use file: a regex of the local file to upload."),
    /** @deprecated Use `file`: the remote key, with `from`. */
    to: z.string().optional().describe("Deprecated: Use file: the remote key, with from."),
  }),
);

/** Version of s3: `{path}` (regexp mode) or `{version_id}` (versioned_file mode). */
export const S3VersionSchema = lazySchema(() =>
  z.strictObject({
    /** The object key, in regexp mode. */
    path: z.string().optional().describe("The object key, in regexp mode."),
    /** The object version id, in versioned_file mode. */
    version_id: z.string().optional().describe("The object version id, in versioned_file mode."),
  }),
);

/** Source of an s3 resource. @see https://github.com/concourse/s3-resource#source-configuration */
export type S3Source = z.input<typeof S3SourceSchema>;
/** Get params of s3. */
export type S3GetParams = z.input<typeof S3GetParamsSchema>;
/** Put params of s3. */
export type S3PutParams = z.input<typeof S3PutParamsSchema>;

const oneMode: Rule = (source, report) => {
  if (!isSet(source["regexp"]) && !isSet(source["versioned_file"])) {
    report(
      "s3-regexp-or-versioned-file",
      "error",
      [],
      "an s3 source needs 'regexp' or 'versioned_file'",
      "Set `regexp` (with a capture group) or `versioned_file`.",
    );
  }
};

const INITIAL_CONTENT_FIELDS = ["initial_content_text", "initial_content_binary"] as const;

const initialContentNeedsInitial: Rule = (source, report) => {
  for (const field of INITIAL_CONTENT_FIELDS) {
    if (isSet(source[field]) && !isSet(source["initial_path"]) && !isSet(source["initial_version"])) {
      report(
        "s3-initial-content-without-initial",
        "error",
        [field],
        `'${field}' needs 'initial_path' (regexp) or 'initial_version' (versioned_file)`,
      );
    }
  }
};

const checksums: Rule = (source, report) => {
  if (source["skip_s3_checksums"] === true && isSet(source["checksum_algorithm"])) {
    report(
      "s3-checksum-algorithm-and-skip-checksums",
      "error",
      ["checksum_algorithm"],
      "'checksum_algorithm' cannot be used with 'skip_s3_checksums: true'",
    );
  }
};

const skipDownloadString: Rule = (params, report) => {
  if (typeof params["skip_download"] === "boolean") {
    report(
      "s3-skip-download-not-string",
      "error",
      ["skip_download"],
      `get param 'skip_download' must be the string "${params["skip_download"]}", not a boolean: the resource fails to decode a boolean`,
      `Write skip_download: "${params["skip_download"]}".`,
    );
  }
};

const putNeedsFile: Rule = (params, report) => {
  if (!isSet(params["file"]) && !isSet(params["from"]))
    report("s3-put-needs-file", "error", ["file"], "an s3 put needs 'file': the path of the file to upload");
};

/** s3's schemas and rules. */
export const s3Spec = defineSpec({
  type: "s3",
  readme: README,
  strict: false,
  schemas: { source: S3SourceSchema, get: S3GetParamsSchema, put: S3PutParamsSchema, version: S3VersionSchema },
  rules: {
    source: [
      exclusive("regexp", "versioned_file", "s3-regexp-and-versioned-file"),
      oneMode,
      requires("initial_path", "regexp", "s3-initial-path-without-regexp", "error", "it applies only in regexp mode"),
      requires(
        "initial_version",
        "versioned_file",
        "s3-initial-version-without-versioned-file",
        "error",
        "it applies only in versioned_file mode",
      ),
      exclusive("skip_ssl_verification", "ca_bundle", "s3-ca-bundle-and-skip-ssl-verification"),
      exclusive("initial_content_text", "initial_content_binary", "s3-initial-content-text-and-binary"),
      initialContentNeedsInitial,
      checksums,
      deprecated("cloudfront_url", "s3-cloudfront-url-deprecated", "it is ignored; 'endpoint' is enough"),
      deprecated("use_v2_signing", "s3-use-v2-signing-removed", "it was removed and has no effect; remove it"),
    ],
    get: [skipDownloadString],
    put: [
      exclusive("file", "from", "s3-file-and-from"),
      putNeedsFile,
      deprecated("from", "s3-from-deprecated", "use 'file'"),
      deprecated("to", "s3-to-deprecated", "use 'file' and the source's 'regexp' or 'versioned_file'"),
    ],
  },
});

/** Files an s3 get writes besides the object itself (saved under its basename). */
export const S3_FILES = {
  /** The object's URL. */
  url: "url",
  /** `s3://bucket/key`. */
  s3Uri: "s3_uri",
  /** The version extracted by `regexp`. */
  version: "version",
  /** With `download_tags`. */
  tags: "tags.json",
} as const;

/** Options of an s3 resource. */
export type S3ResourceOptions = TypedResourceOptions<S3Source>;

/**
 * Objects in an S3 bucket.
 *
 * @example
 * const release = new S3Resource("release", { source: { bucket: "releases", regexp: "app-(?P<version>.*).tgz" } });
 * @see https://github.com/concourse/s3-resource
 */
export class S3Resource extends Resource<S3Source, S3GetParams, S3PutParams, typeof S3_FILES> {
  constructor(name: string, options: S3ResourceOptions) {
    super(name, { ...options, type: "s3" }, S3_FILES, s3Spec);
  }
}
