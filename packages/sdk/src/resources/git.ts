/**
 * The `git` resource (core type): tracks commits of a branch, or tags, of a repository.
 * Since v1.21.0 it rejects unknown keys in `source`, get `params` and put `params`.
 * @see https://github.com/concourse/git-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { asObj, defineSpec, exclusive, isSet, type Rule, type TypedResourceOptions } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/git-resource";

/** An `https_tunnel` block (SSH git through an HTTP proxy). Shared with pool. */
export const HttpsTunnelSchema = lazySchema(() =>
  z.strictObject({
    /** The proxy's host. */
    proxy_host: z.string().describe("The proxy's host."),
    /** The proxy's port (string or number). */
    proxy_port: z.union([z.string(), z.number().int()]).describe("The proxy's port (string or number)."),
    /** The proxy's username. */
    proxy_user: z.string().optional().describe("The proxy's username."),
    /** The proxy's password (use a `((var))`). */
    proxy_password: z.string().optional().describe("The proxy's password (use a ((var)))."),
  }),
);

/** A `git_config` entry, applied with `git config --global`. Shared with pool and semver. */
export const GitConfigSchema = lazySchema(() =>
  z.strictObject({
    /** The config key, e.g. `core.bigFileThreshold`. */
    name: z.string().describe("The config key, e.g. core.bigFileThreshold."),
    /** Its value. */
    value: z.string().describe("Its value."),
  }),
);

/** Source of a git resource. @see https://github.com/concourse/git-resource#source-configuration */
export const GitSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The repository's URI (`https://...` or `git@host:org/repo.git`). Required. */
    uri: z.string().describe("The repository's URI (https://... or git@host:org/repo.git). Required."),
    /** The branch to track; required for put unless put `params.branch` or `only_tag` is set. @default the remote's default branch */
    branch: z
      .string()
      .optional()
      .describe("The branch to track; required for put unless put params.branch or only_tag is set. Default: the remote's default branch."),
    /** A private key (PEM) for SSH URIs; use a `((var))`. */
    private_key: z.string().optional().describe("A private key (PEM) for SSH URIs; use a ((var))."),
    /** The SSH user (`User` in ssh config). */
    private_key_user: z.string().optional().describe("The SSH user (User in ssh config)."),
    /** The passphrase of `private_key`. */
    private_key_passphrase: z.string().optional().describe("The passphrase of private_key."),
    /** Forward the SSH agent. @default false */
    forward_agent: z.boolean().optional().describe("Forward the SSH agent. Default: false."),
    /** HTTP(S) username; used only together with `password`. */
    username: z.string().optional().describe("HTTP(S) username; used only together with password."),
    /** HTTP(S) password (use a `((var))`); used only together with `username`. */
    password: z.string().optional().describe("HTTP(S) password (use a ((var))); used only together with username."),
    /** Only commits touching these globs make versions. @default ["."] */
    paths: z.array(z.string()).optional().describe('Only commits touching these globs make versions. Default: ["."].'),
    /** Sparse checkout of these paths on get. @default everything */
    sparse_paths: z.array(z.string()).optional().describe("Sparse checkout of these paths on get. Default: everything."),
    /** Commits touching only these globs make no versions. @default [] */
    ignore_paths: z.array(z.string()).optional().describe("Commits touching only these globs make no versions. Default: []."),
    /** Skip TLS verification. @default false */
    skip_ssl_verification: z.boolean().optional().describe("Skip TLS verification. Default: false."),
    /** Track tags matching this glob instead of commits. Mutually exclusive with `tag_regex`. */
    tag_filter: z.string().optional().describe("Track tags matching this glob instead of commits. Mutually exclusive with tag_regex."),
    /** Track tags matching this extended regex (whole line). Mutually exclusive with `tag_filter`. */
    tag_regex: z.string().optional().describe("Track tags matching this extended regex (whole line). Mutually exclusive with tag_filter."),
    /** With a tag filter: versions are the tags (`match_tagged`) or commits with a matching tag ancestor (`match_tag_ancestors`). @default "match_tagged" */
    tag_behaviour: z
      .enum(["match_tagged", "match_tag_ancestors"])
      .optional()
      .describe(
        'With a tag filter: versions are the tags (match_tagged) or commits with a matching tag ancestor (match_tag_ancestors). Default: "match_tagged".',
      ),
    /** `true` fetches tags on get, `false` never; unset fetches them only with a tag filter. */
    fetch_tags: z.boolean().optional().describe("true fetches tags on get, false never; unset fetches them only with a tag filter."),
    /** Credentials for submodules: `{host, username, password}` (HTTP) or `{url, private_key, private_key_passphrase?}` (SSH). */
    submodule_credentials: z
      .array(
        z.union([
          z.strictObject({
            /** The submodule's host (HTTP). */
            host: z.string().describe("The submodule's host (HTTP)."),
            /** HTTP username. */
            username: z.string().describe("HTTP username."),
            /** HTTP password. */
            password: z.string().describe("HTTP password."),
          }),
          z.strictObject({
            /** The submodule's URL, exactly as in `.gitmodules` (SSH). */
            url: z.string().describe("The submodule's URL, exactly as in .gitmodules (SSH)."),
            /** A private key (PEM). */
            private_key: z.string().describe("A private key (PEM)."),
            /** The key's passphrase. */
            private_key_passphrase: z.string().optional().describe("The key's passphrase."),
          }),
        ]),
      )
      .optional()
      .describe("Credentials for submodules: {host, username, password} (HTTP) or {url, private_key, private_key_passphrase?} (SSH)."),
    /** Git config entries applied globally and to the clone. @default [] */
    git_config: z.array(GitConfigSchema).optional().describe("Git config entries applied globally and to the clone. Default: []."),
    /** Keep commits whose message contains `[ci skip]` or `[skip ci]`. @default false */
    disable_ci_skip: z.boolean().optional().describe("Keep commits whose message contains [ci skip] or [skip ci]. Default: false."),
    /** Armored GPG public keys; get fails on a commit not signed by one of them. */
    commit_verification_keys: z
      .array(z.string())
      .optional()
      .describe("Armored GPG public keys; get fails on a commit not signed by one of them."),
    /** GPG key ids, fetched from `gpg_keyserver`, for commit verification. */
    commit_verification_key_ids: z
      .array(z.string())
      .optional()
      .describe("GPG key ids, fetched from gpg_keyserver, for commit verification."),
    /** The GPG keyserver. @default "hkp://keyserver.ubuntu.com/" */
    gpg_keyserver: z.string().optional().describe('The GPG keyserver. Default: "hkp://keyserver.ubuntu.com/".'),
    /** A base64 git-crypt key to decrypt the clone. */
    git_crypt_key: z.string().optional().describe("A base64 git-crypt key to decrypt the clone."),
    /** Tunnel SSH git through an HTTP proxy. */
    https_tunnel: HttpsTunnelSchema.optional().describe("Tunnel SSH git through an HTTP proxy."),
    /** Filter commits by message regexes. */
    commit_filter: z
      .strictObject({
        /** Only commits whose message matches one of these regexes. */
        include: z.array(z.string()).optional().describe("Only commits whose message matches one of these regexes."),
        /** Require all `include` regexes to match. */
        include_all_match: z.boolean().optional().describe("Require all include regexes to match."),
        /** Drop commits whose message matches one of these regexes. */
        exclude: z.array(z.string()).optional().describe("Drop commits whose message matches one of these regexes."),
        /** Require all `exclude` regexes to match to drop. */
        exclude_all_match: z.boolean().optional().describe("Require all exclude regexes to match to drop."),
      })
      .optional()
      .describe("Filter commits by message regexes."),
    /** How many versions check returns (≥ 1). @default 1 */
    version_depth: z.number().int().min(1).optional().describe("How many versions check returns (≥ 1). Default: 1."),
    /** Search remote refs too (Gerrit `refs/for` workflows). @default false */
    search_remote_refs: z.boolean().optional().describe("Search remote refs too (Gerrit refs/for workflows). Default: false."),
    /** Shell tracing and GIT_TRACE; may leak secrets into logs. @default false */
    debug: z.boolean().optional().describe("Shell tracing and GIT_TRACE; may leak secrets into logs. Default: false."),
  }),
);

/** Get params of git. @see https://github.com/concourse/git-resource#in-clone-the-repository-at-the-given-ref */
export const GitGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Shallow clone depth, deepened until the version is found. @default 0 (full clone) */
    depth: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Shallow clone depth, deepened until the version is found. Default: 0 (full clone)."),
    /** More branches to fetch as local branches. @default [] */
    fetch: z.array(z.string()).optional().describe("More branches to fetch as local branches. Default: []."),
    /** Fetch tags; overrides the source's `fetch_tags`. */
    fetch_tags: z.boolean().optional().describe("Fetch tags; overrides the source's fetch_tags."),
    /** Submodules to update: `"all"`, `"none"`, or a list of paths. @default "all" */
    submodules: z
      .union([z.enum(["all", "none"]), z.array(z.string())])
      .optional()
      .describe('Submodules to update: "all", "none", or a list of paths. Default: "all".'),
    /** Update submodules recursively. @default true */
    submodule_recursive: z.boolean().optional().describe("Update submodules recursively. Default: true."),
    /** Update submodules to their remote branch's head. @default false */
    submodule_remote: z.boolean().optional().describe("Update submodules to their remote branch's head. Default: false."),
    /** Skip Git LFS files. @default false */
    disable_git_lfs: z.boolean().optional().describe("Skip Git LFS files. Default: false."),
    /** Delete all local tags after the clone. @default false */
    clean_tags: z.boolean().optional().describe("Delete all local tags after the clone. Default: false."),
    /** printf format of `.git/short_ref`. @default "%s" */
    short_ref_format: z.string().optional().describe('printf format of .git/short_ref. Default: "%s".'),
    /** `git log --date` format of `.git/commit_timestamp`. @default "iso8601" */
    timestamp_format: z.string().optional().describe('git log --date format of .git/commit_timestamp. Default: "iso8601".'),
    /** Options of `git describe` for `.git/describe_ref`. @default "--always --dirty --broken" */
    describe_ref_options: z
      .string()
      .optional()
      .describe('Options of git describe for .git/describe_ref. Default: "--always --dirty --broken".'),
    /** Fetch all branches (drops `--single-branch`). @default false */
    all_branches: z.boolean().optional().describe("Fetch all branches (drops --single-branch). Default: false."),
    /** Shell tracing. @default false */
    debug: z.boolean().optional().describe("Shell tracing. Default: false."),
  }),
);

/** Put params of git. @see https://github.com/concourse/git-resource#out-push-to-a-repository */
export const GitPutParamsSchema = lazySchema(() =>
  z.strictObject({
    /** The directory of the repository to push (an artifact). Required. */
    repository: z.string().describe("The directory of the repository to push (an artifact). Required."),
    /** Rebase on the remote branch when the push is rejected. Mutually exclusive with `merge`. @default false */
    rebase: z
      .boolean()
      .optional()
      .describe("Rebase on the remote branch when the push is rejected. Mutually exclusive with merge. Default: false."),
    /** Rebase strategy, passed as `--strategy`. */
    rebase_strategy: z.string().optional().describe("Rebase strategy, passed as --strategy."),
    /** Strategy options (space-separated string or list), each passed as `-X<opt>`. */
    rebase_strategy_option: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe("Strategy options (space-separated string or list), each passed as -X<opt>."),
    /** Merge the remote branch when the push is rejected. Mutually exclusive with `rebase`. @default false */
    merge: z
      .boolean()
      .optional()
      .describe("Merge the remote branch when the push is rejected. Mutually exclusive with rebase. Default: false."),
    /** With `merge`: emit the merge commit (`merged`) or the pushed commit (`unmerged`). @default "merged" */
    returning: z
      .enum(["merged", "unmerged"])
      .optional()
      .describe('With merge: emit the merge commit (merged) or the pushed commit (unmerged). Default: "merged".'),
    /** Path to a file holding a tag name to push. */
    tag: z.string().optional().describe("Path to a file holding a tag name to push."),
    /** Push only the tag; `branch` is then not required. @default false */
    only_tag: z.boolean().optional().describe("Push only the tag; branch is then not required. Default: false."),
    /** Prefix of the tag read from `tag`. */
    tag_prefix: z.string().optional().describe("Prefix of the tag read from tag."),
    /** Force push. @default false */
    force: z.boolean().optional().describe("Force push. Default: false."),
    /** Path to a file holding the tag's annotation (makes it annotated). */
    annotate: z.string().optional().describe("Path to a file holding the tag's annotation (makes it annotated)."),
    /** Path to a file of git notes to add (relative to the parent of `repository`). */
    notes: z.string().optional().describe("Path to a file of git notes to add (relative to the parent of repository)."),
    /** The branch to push to; also changes the emitted version. @default the source's branch */
    branch: z.string().optional().describe("The branch to push to; also changes the emitted version. Default: the source's branch."),
    /** The refs prefix pushed to. @default "refs/heads" */
    refs_prefix: z.string().optional().describe('The refs prefix pushed to. Default: "refs/heads".'),
    /** Push options, each passed as `--push-option` (v1.22.1+). */
    push_options: z.array(z.string()).optional().describe("Push options, each passed as --push-option (v1.22.1+)."),
    /** Shell tracing. @default false */
    debug: z.boolean().optional().describe("Shell tracing. Default: false."),
  }),
);

/** Version of git: `{ref}`, plus `commit` under tag filters or `branch` after a put to a branch. */
export const GitVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The commit SHA, or the tag name under tag filters. */
    ref: z.string().describe("The commit SHA, or the tag name under tag filters."),
    /** The commit SHA, under tag filters. */
    commit: z.string().optional().describe("The commit SHA, under tag filters."),
    /** The branch to clone, overriding the source's. */
    branch: z.string().optional().describe("The branch to clone, overriding the source's."),
  }),
);

/** Source of a git resource. @see https://github.com/concourse/git-resource#source-configuration */
export type GitSource = z.input<typeof GitSourceSchema>;
/** Get params of git. @see https://github.com/concourse/git-resource#in-clone-the-repository-at-the-given-ref */
export type GitGetParams = z.input<typeof GitGetParamsSchema>;
/** Put params of git. @see https://github.com/concourse/git-resource#out-push-to-a-repository */
export type GitPutParams = z.input<typeof GitPutParamsSchema>;
/** Version of git. */
export type GitVersion = z.input<typeof GitVersionSchema>;

const putNeedsBranch: Rule = (params, report, { source }) => {
  if (isSet(params["only_tag"]) || isSet(params["branch"]) || isSet(asObj(source)?.["branch"])) return;
  report(
    "git-put-needs-branch",
    "error",
    ["branch"],
    "a git put needs a branch: set source 'branch' or params 'branch' (or 'only_tag: true')",
    "Add `branch` to the resource's source, or to the put's params.",
  );
};

const returningNeedsMerge: Rule = (params, report) => {
  if (params["returning"] !== undefined && !isSet(params["merge"])) {
    report(
      "git-returning-without-merge",
      "warning",
      ["returning"],
      "'returning' has an effect only with 'merge: true'",
      "Remove 'returning', or set 'merge: true'.",
    );
  }
};

/** git's schemas and rules. */
export const gitSpec = defineSpec({
  type: "git",
  readme: README,
  strict: true,
  schemas: { source: GitSourceSchema, get: GitGetParamsSchema, put: GitPutParamsSchema, version: GitVersionSchema },
  rules: {
    source: [exclusive("tag_filter", "tag_regex", "git-tag-filter-and-regex", "check exits with an error when both are set")],
    put: [exclusive("merge", "rebase", "git-merge-and-rebase"), returningNeedsMerge, putNeedsBranch],
  },
});

/** Files a git get writes besides the working tree. @see https://github.com/concourse/git-resource#in-clone-the-repository-at-the-given-ref */
export const GIT_FILES = {
  ref: ".git/ref",
  commit: ".git/commit",
  shortRef: ".git/short_ref",
  branch: ".git/branch",
  tags: ".git/tags",
  author: ".git/author",
  authorDate: ".git/author_date",
  /** The author's email address, despite the name. */
  committer: ".git/committer",
  committerName: ".git/committer_name",
  committerDate: ".git/committer_date",
  commitMessage: ".git/commit_message",
  commitTimestamp: ".git/commit_timestamp",
  describeRef: ".git/describe_ref",
  url: ".git/url",
  metadata: ".git/metadata.json",
} as const;

/** Options of a git resource. */
export type GitResourceOptions = TypedResourceOptions<GitSource>;

/**
 * A git repository.
 *
 * @example
 * const repo = new GitResource("my-repo", { source: { uri: "https://github.com/tlwr/my-repo.git", branch: "main" } });
 * @see https://github.com/concourse/git-resource
 */
export class GitResource extends Resource<GitSource, GitGetParams, GitPutParams, typeof GIT_FILES> {
  constructor(name: string, options: GitResourceOptions) {
    super(name, { ...options, type: "git" }, GIT_FILES, gitSpec);
  }
}
