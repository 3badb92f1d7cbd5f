/**
 * The `github-release` resource (core type): releases of a GitHub repository, and
 * publishing them. It ignores unknown keys.
 * @see https://github.com/concourse/github-release-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { defineSpec, deprecated, isSet, type Rule, type TypedResourceOptions } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/github-release-resource";

/** Source of a github-release resource. @see https://github.com/concourse/github-release-resource#source-configuration */
export const GithubReleaseSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The repository's owner. Required. */
    owner: z.string().optional().describe("The repository's owner. Required."),
    /** @deprecated Use `owner` (when both are set, `user` wins). */
    user: z.string().optional().describe("Deprecated: Use owner (when both are set, user wins)."),
    /** The repository's name. Required. */
    repository: z.string().describe("The repository's name. Required."),
    /** A token; needed for private repositories and for put. */
    access_token: z.string().optional().describe("A token; needed for private repositories and for put."),
    /** GitHub Enterprise: the v3 API URL. */
    github_api_url: z.string().optional().describe("GitHub Enterprise: the v3 API URL."),
    /** GitHub Enterprise: the v4 (GraphQL) API URL. */
    github_v4_api_url: z.string().optional().describe("GitHub Enterprise: the v4 (GraphQL) API URL."),
    /** GitHub Enterprise: the uploads URL. @default the API URL */
    github_uploads_url: z.string().optional().describe("GitHub Enterprise: the uploads URL. Default: the API URL."),
    /** Skip TLS verification. @default false */
    insecure: z.boolean().optional().describe("Skip TLS verification. Default: false."),
    /** Track final releases. @default true */
    release: z.boolean().optional().describe("Track final releases. Default: true."),
    /** Track pre-releases (put creates one only with `release: false`). @default false */
    pre_release: z.boolean().optional().describe("Track pre-releases (put creates one only with release: false). Default: false."),
    /** Only drafts: check sees drafts, put creates drafts. @default false */
    drafts: z.boolean().optional().describe("Only drafts: check sees drafts, put creates drafts. Default: false."),
    /** A semver constraint on versions. */
    semver_constraint: z.string().optional().describe("A semver constraint on versions."),
    /** A Go regex over tags; the last capture group is the version. @default "^v?([^v].*)" */
    tag_filter: z.string().optional().describe('A Go regex over tags; the last capture group is the version. Default: "^v?([^v].*)".'),
    /** Order releases by `version` or `time`. @default "version" */
    order_by: z.enum(["version", "time"]).optional().describe('Order releases by version or time. Default: "version".'),
    /** Put assets in `assets/` on get. @default false */
    asset_dir: z.boolean().optional().describe("Put assets in assets/ on get. Default: false."),
  }),
);

/** Get params of github-release. @see https://github.com/concourse/github-release-resource#in-fetch-assets-from-a-release */
export const GithubReleaseGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Globs of assets to fetch. @default every asset */
    globs: z.array(z.string()).optional().describe("Globs of assets to fetch. Default: every asset."),
    /** Fetch `source.tar.gz`. @default false */
    include_source_tarball: z.boolean().optional().describe("Fetch source.tar.gz. Default: false."),
    /** Fetch `source.zip`. @default false */
    include_source_zip: z.boolean().optional().describe("Fetch source.zip. Default: false."),
  }),
);

/** Put params of github-release. @see https://github.com/concourse/github-release-resource#out-publish-a-release */
export const GithubReleasePutParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Path to a file holding the release's name. Required. */
    name: z.string().describe("Path to a file holding the release's name. Required."),
    /** Path to a file holding the tag. Required. */
    tag: z.string().describe("Path to a file holding the tag. Required."),
    /** A prefix of the tag. */
    tag_prefix: z.string().optional().describe("A prefix of the tag."),
    /** Path to a file holding the commit to tag. */
    commitish: z.string().optional().describe("Path to a file holding the commit to tag."),
    /** Path to a file holding the release notes. */
    body: z.string().optional().describe("Path to a file holding the release notes."),
    /** Globs of files to upload; each must match at least one file. */
    globs: z.array(z.string()).optional().describe("Globs of files to upload; each must match at least one file."),
    /** Let GitHub generate the notes (on creation only). @default false */
    generate_release_notes: z.boolean().optional().describe("Let GitHub generate the notes (on creation only). Default: false."),
  }),
);

/** Version of github-release. */
export const GithubReleaseVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The release id (numeric string). */
    id: z.string().optional().describe("The release id (numeric string)."),
    /** The tag. */
    tag: z.string().optional().describe("The tag."),
    /** RFC 3339 time. */
    timestamp: z.string().optional().describe("RFC 3339 time."),
  }),
);

/** Source of a github-release resource. @see https://github.com/concourse/github-release-resource#source-configuration */
export type GithubReleaseSource = z.input<typeof GithubReleaseSourceSchema>;
/** Get params of github-release. */
export type GithubReleaseGetParams = z.input<typeof GithubReleaseGetParamsSchema>;
/** Put params of github-release. */
export type GithubReleasePutParams = z.input<typeof GithubReleasePutParamsSchema>;

const ownerRequired: Rule = (source, report) => {
  if (!isSet(source["owner"]) && !isSet(source["user"]))
    report("resource-missing-field", "error", ["owner"], "'owner' is required in github-release source");
};

/** github-release's schemas and rules. */
export const githubReleaseSpec = defineSpec({
  type: "github-release",
  readme: README,
  strict: false,
  schemas: {
    source: GithubReleaseSourceSchema,
    get: GithubReleaseGetParamsSchema,
    put: GithubReleasePutParamsSchema,
    version: GithubReleaseVersionSchema,
  },
  rules: { source: [ownerRequired, deprecated("user", "github-release-user-deprecated", "use 'owner' (when both are set, 'user' wins)")] },
});

/** Files a github-release get writes besides the assets. */
export const GITHUB_RELEASE_FILES = {
  url: "url",
  tag: "tag",
  /** The `tag_filter` capture. */
  version: "version",
  /** Not for drafts. */
  commitSha: "commit_sha",
  /** When the notes are non-empty. */
  body: "body",
  timestamp: "timestamp",
  /** With `asset_dir: true`. */
  assets: "assets",
  /** With `include_source_tarball`. */
  sourceTarball: "source.tar.gz",
  /** With `include_source_zip`. */
  sourceZip: "source.zip",
} as const;

/** Options of a github-release resource. */
export type GithubReleaseResourceOptions = TypedResourceOptions<GithubReleaseSource>;

/**
 * Releases of a GitHub repository.
 *
 * @example
 * const release = new GithubReleaseResource("concourse", { source: { owner: "concourse", repository: "concourse" } });
 * @see https://github.com/concourse/github-release-resource
 */
export class GithubReleaseResource extends Resource<
  GithubReleaseSource,
  GithubReleaseGetParams,
  GithubReleasePutParams,
  typeof GITHUB_RELEASE_FILES
> {
  constructor(name: string, options: GithubReleaseResourceOptions) {
    super(name, { ...options, type: "github-release" }, GITHUB_RELEASE_FILES, githubReleaseSpec);
  }
}
