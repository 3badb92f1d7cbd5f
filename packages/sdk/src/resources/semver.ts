/**
 * The `semver` resource (core type): a version number stored in S3, git, Swift or GCS,
 * bumped by puts. `source.driver` picks the store and its required fields. It ignores
 * unknown keys.
 * @see https://github.com/concourse/semver-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { asObj, defineSpec, isSet, isVar, type Rule, type TypedResourceOptions } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";
import { ChecksumAlgorithmSchema } from "./s3.ts";

const README = "https://github.com/concourse/semver-resource";

const common = {
  /** The version when none is stored yet. @default "0.0.0" */
  initial_version: z.string().optional().describe('The version when none is stored yet. Default: "0.0.0".'),
};

/** semver's `s3` driver (the default). */
export const SemverS3SourceSchema = lazySchema(() =>
  z.strictObject({
    /** The store: `s3` (default), `git`, `swift` or `gcs`. @default "s3" */
    driver: z.literal("s3").optional().describe('The store: s3 (default), git, swift or gcs. Default: "s3".'),
    ...common,
    /** The bucket. Required. */
    bucket: z.string().describe("The bucket. Required."),
    /** The object key holding the version. Required. */
    key: z.string().describe("The object key holding the version. Required."),
    /** AWS access key id. */
    access_key_id: z.string().optional().describe("AWS access key id."),
    /** AWS secret access key (use a `((var))`). */
    secret_access_key: z.string().optional().describe("AWS secret access key (use a ((var)))."),
    /** AWS session token. */
    session_token: z.string().optional().describe("AWS session token."),
    /** A role to assume. */
    assume_role_arn: z.string().optional().describe("A role to assume."),
    /** The region. @default "us-east-1" */
    region_name: z.string().optional().describe('The region. Default: "us-east-1".'),
    /** A custom endpoint (host or URL). */
    endpoint: z.string().optional().describe("A custom endpoint (host or URL)."),
    /** Plain HTTP. @default false */
    disable_ssl: z.boolean().optional().describe("Plain HTTP. Default: false."),
    /** Skip TLS verification. @default false */
    skip_ssl_verification: z.boolean().optional().describe("Skip TLS verification. Default: false."),
    /** Server-side encryption, e.g. `AES256`. */
    server_side_encryption: z.string().optional().describe("Server-side encryption, e.g. AES256."),
    /** Skip S3 checksums. @default false */
    skip_s3_checksums: z.boolean().optional().describe("Skip S3 checksums. Default: false."),
    /** The checksum algorithm. */
    checksum_algorithm: ChecksumAlgorithmSchema.optional().describe("The checksum algorithm."),
  }),
);

/** semver's `git` driver: the version is a file in a branch. */
export const SemverGitSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The store. */
    driver: z.literal("git").describe("The store."),
    ...common,
    /** The repository's URI. Required. */
    uri: z.string().describe("The repository's URI. Required."),
    /** The branch holding the file. Required. */
    branch: z.string().describe("The branch holding the file. Required."),
    /** The file holding the version. Required. */
    file: z.string().describe("The file holding the version. Required."),
    /** A private key (PEM) for SSH URIs. */
    private_key: z.string().optional().describe("A private key (PEM) for SSH URIs."),
    /** HTTP(S) username. */
    username: z.string().optional().describe("HTTP(S) username."),
    /** HTTP(S) password. */
    password: z.string().optional().describe("HTTP(S) password."),
    /** The committer, an RFC 5322 identity such as `CI <ci@example.com>`. */
    git_user: z.string().optional().describe("The committer, an RFC 5322 identity such as CI <ci@example.com>."),
    /** Skip TLS verification. @default false */
    skip_ssl_verification: z.boolean().optional().describe("Skip TLS verification. Default: false."),
    /** The commit message; `%version%` and `%file%` are replaced. */
    commit_message: z.string().optional().describe("The commit message; %version% and %file% are replaced."),
  }),
);

/** semver's `swift` driver: every field sits under `openstack`. */
export const SemverSwiftSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The store. */
    driver: z.literal("swift").describe("The store."),
    ...common,
    /** OpenStack settings. Required. */
    openstack: z
      .strictObject({
        /** The container. Required. */
        container: z.string().describe("The container. Required."),
        /** The object holding the version. Required. */
        item_name: z.string().describe("The object holding the version. Required."),
        /** The region. Required. */
        region: z.string().describe("The region. Required."),
        /** Keystone URL. */
        identity_endpoint: z.string().optional().describe("Keystone URL."),
        /** Username. */
        username: z.string().optional().describe("Username."),
        /** User id. */
        user_id: z.string().optional().describe("User id."),
        /** Password. */
        password: z.string().optional().describe("Password."),
        /** TOTP passcode. */
        passcode: z.string().optional().describe("TOTP passcode."),
        /** Domain id. */
        domain_id: z.string().optional().describe("Domain id."),
        /** Domain name. */
        domain_name: z.string().optional().describe("Domain name."),
        /** Tenant id. */
        tenant_id: z.string().optional().describe("Tenant id."),
        /** Tenant name. */
        tenant_name: z.string().optional().describe("Tenant name."),
        /** Re-authenticate when the token expires. */
        allow_reauth: z.boolean().optional().describe("Re-authenticate when the token expires."),
        /** A token. */
        token_id: z.string().optional().describe("A token."),
        /** Application credential id. */
        application_credential_id: z.string().optional().describe("Application credential id."),
        /** Application credential name. */
        application_credential_name: z.string().optional().describe("Application credential name."),
        /** @deprecated Ignored because of a bug in the resource (it reads `application_credential_secretj`). */
        application_credential_secret: z
          .string()
          .optional()
          .describe("Deprecated: Ignored because of a bug in the resource (it reads application_credential_secretj)."),
        /** Auth scope (undocumented). */
        scope: z
          .strictObject({
            /** Project id. */
            project_id: z.string().optional().describe("Project id."),
            /** Project name. */
            project_name: z.string().optional().describe("Project name."),
            /** Domain id. */
            domain_id: z.string().optional().describe("Domain id."),
            /** Domain name. */
            domain_name: z.string().optional().describe("Domain name."),
            /** System scope. */
            system: z.boolean().optional().describe("System scope."),
            /** Trust id. */
            trust_id: z.string().optional().describe("Trust id."),
          })
          .optional()
          .describe("Auth scope (undocumented)."),
      })
      .describe("OpenStack settings. Required."),
  }),
);

/** semver's `gcs` driver: exactly one of `json_key` and `token`. */
export const SemverGcsSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The store. */
    driver: z.literal("gcs").describe("The store."),
    ...common,
    /** The bucket. Required. */
    bucket: z.string().describe("The bucket. Required."),
    /** The object holding the version. Required. */
    key: z.string().describe("The object holding the version. Required."),
    /** A service account's JSON key. Not with `token`. */
    json_key: z.string().optional().describe("A service account's JSON key. Not with token."),
    /** An OAuth token. Not with `json_key`. */
    token: z.string().optional().describe("An OAuth token. Not with json_key."),
  }),
);

/** Source of a semver resource: a union on `driver`. @see https://github.com/concourse/semver-resource#source-configuration */
export const SemverSourceSchema = lazySchema(() =>
  z.discriminatedUnion("driver", [SemverS3SourceSchema, SemverGitSourceSchema, SemverSwiftSourceSchema, SemverGcsSourceSchema]),
);

const bumpParams = {
  /** Bump `major`, `minor`, `patch`, or drop the pre-release (`final`). Any other value is silently ignored. */
  bump: z
    .enum(["major", "minor", "patch", "final"])
    .optional()
    .describe("Bump major, minor, patch, or drop the pre-release (final). Any other value is silently ignored."),
  /** Bump (or add) a pre-release identifier, e.g. `rc`. */
  pre: z.string().optional().describe("Bump (or add) a pre-release identifier, e.g. rc."),
  /** Bump (or add) a build identifier. */
  build: z.string().optional().describe("Bump (or add) a build identifier."),
  /** With `pre`: `1.2.3-rc` rather than `1.2.3-rc.1`. @default false */
  pre_without_version: z.boolean().optional().describe("With pre: 1.2.3-rc rather than 1.2.3-rc.1. Default: false."),
  /** With `build`: no number after the build identifier. @default false */
  build_without_version: z.boolean().optional().describe("With build: no number after the build identifier. Default: false."),
};

/** Get params of semver: a bump applied only to the files written. @see https://github.com/concourse/semver-resource#in-provide-the-version-as-a-file-optionally-bumping-it */
export const SemverGetParamsSchema = lazySchema(() => z.strictObject({ ...bumpParams }));

/** Put params of semver. @see https://github.com/concourse/semver-resource#out-set-the-version-or-bump-the-current-one */
export const SemverPutParamsSchema = lazySchema(() =>
  z.strictObject({
    ...bumpParams,
    /** Path to a file holding the version to set. */
    file: z.string().optional().describe("Path to a file holding the version to set."),
    /** Only fetch the current version, without bumping (check-less usage). @default false */
    get_latest: z.boolean().optional().describe("Only fetch the current version, without bumping (check-less usage). Default: false."),
  }),
);

/** Version of semver. */
export const SemverVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The version. */
    number: z.string().describe("The version."),
  }),
);

/** Source of a semver resource, per driver. @see https://github.com/concourse/semver-resource#source-configuration */
export type SemverSource = z.input<typeof SemverSourceSchema>;
/** Get params of semver. */
export type SemverGetParams = z.input<typeof SemverGetParamsSchema>;
/** Put params of semver. */
export type SemverPutParams = z.input<typeof SemverPutParamsSchema>;

const DRIVERS = ["s3", "git", "swift", "gcs"];

const driver: Rule = (source, report) => {
  const value = source["driver"];
  if (value !== undefined && !isVar(value) && !DRIVERS.includes(String(value))) {
    report("semver-invalid-driver", "error", ["driver"], `'driver' must be one of ${DRIVERS.join(", ")}, not '${String(value)}'`);
  }
};

const gcsKey: Rule = (source, report) => {
  if (source["driver"] === "gcs" && isSet(source["json_key"]) === isSet(source["token"])) {
    report(
      "semver-gcs-json-key-or-token",
      "error",
      isSet(source["token"]) ? ["token"] : [],
      "the gcs driver needs exactly one of 'json_key' and 'token'",
    );
  }
};

const swiftSecret: Rule = (source, report) => {
  if (asObj(source["openstack"])?.["application_credential_secret"] !== undefined) {
    report(
      "semver-swift-credential-secret-ignored",
      "warning",
      ["openstack", "application_credential_secret"],
      "'openstack.application_credential_secret' is ignored: the resource reads the misspelt key 'application_credential_secretj'",
    );
  }
};

const putNeedsAction: Rule = (params, report) => {
  if (["get_latest", "file", "bump", "pre", "build"].some((k) => isSet(params[k]))) return;
  report(
    "semver-put-needs-bump",
    "error",
    [],
    "a semver put needs one of 'bump', 'pre', 'build', 'file' or 'get_latest' (else: \"no version bump specified\")",
  );
};

/** semver's schemas and rules. */
export const semverSpec = defineSpec({
  type: "semver",
  readme: README,
  strict: false,
  schemas: { source: SemverSourceSchema, get: SemverGetParamsSchema, put: SemverPutParamsSchema, version: SemverVersionSchema },
  rules: { source: [driver, gcsKey, swiftSecret], put: [putNeedsAction] },
});

/** Files a semver get writes: both hold the (possibly bumped) version. */
export const SEMVER_FILES = { version: "version", number: "number" } as const;

/** Options of a semver resource. */
export type SemverResourceOptions = TypedResourceOptions<SemverSource>;

/**
 * A version number.
 *
 * @example
 * const version = new SemverResource("version", { source: { driver: "git", uri: "git@github.com:org/repo.git", branch: "version", file: "version" } });
 * @see https://github.com/concourse/semver-resource
 */
export class SemverResource extends Resource<SemverSource, SemverGetParams, SemverPutParams, typeof SEMVER_FILES> {
  constructor(name: string, options: SemverResourceOptions) {
    super(name, { ...options, type: "semver" }, SEMVER_FILES, semverSpec);
  }
}
