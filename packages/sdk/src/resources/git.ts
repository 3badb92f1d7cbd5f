/**
 * The `git` resource (core type): tracks commits of a branch, or tags, of a repository.
 * @see https://github.com/concourse/git-resource
 */
import { Resource, type ResourceOptions } from "../builders/resource.ts";

/** Source of a git resource. @see https://github.com/concourse/git-resource#source-configuration */
export interface GitSource {
  /** The repository's URI. */
  readonly uri: string;
  /** The branch to track. @default the remote's default branch */
  readonly branch?: string;
  /** A private key for SSH URIs (use a `((var))`). */
  readonly private_key?: string;
  readonly private_key_user?: string;
  readonly private_key_passphrase?: string;
  readonly forward_agent?: boolean;
  /** HTTP(S) username; used only together with `password`. */
  readonly username?: string;
  /** HTTP(S) password (use a `((var))`). */
  readonly password?: string;
  /** Only commits touching these globs make versions. */
  readonly paths?: readonly string[];
  readonly sparse_paths?: readonly string[];
  /** Commits touching only these globs make no versions. */
  readonly ignore_paths?: readonly string[];
  readonly skip_ssl_verification?: boolean;
  /** Track tags matching this glob. Not with `tag_regex`. */
  readonly tag_filter?: string;
  /** Track tags matching this regex. Not with `tag_filter`. */
  readonly tag_regex?: string;
  readonly tag_behaviour?: "match_tagged" | "match_tag_ancestors";
  readonly fetch_tags?: boolean;
  readonly submodule_credentials?: readonly Readonly<Record<string, string>>[];
  readonly git_config?: readonly { readonly name: string; readonly value: string }[];
  readonly disable_ci_skip?: boolean;
  readonly commit_verification_keys?: readonly string[];
  readonly commit_verification_key_ids?: readonly string[];
  readonly gpg_keyserver?: string;
  readonly git_crypt_key?: string;
  readonly https_tunnel?: {
    readonly proxy_host: string;
    readonly proxy_port: string | number;
    readonly proxy_user?: string;
    readonly proxy_password?: string;
  };
  readonly commit_filter?: {
    readonly include?: readonly string[];
    readonly include_all_match?: boolean;
    readonly exclude?: readonly string[];
    readonly exclude_all_match?: boolean;
  };
  readonly version_depth?: number;
  readonly search_remote_refs?: boolean;
  readonly debug?: boolean;
}

/** Get params of git. @see https://github.com/concourse/git-resource#in-clone-the-repository-at-the-given-ref */
export interface GitGetParams {
  readonly depth?: number;
  readonly fetch?: readonly string[];
  readonly fetch_tags?: boolean;
  readonly submodules?: "all" | "none" | readonly string[];
  readonly submodule_recursive?: boolean;
  readonly submodule_remote?: boolean;
  readonly disable_git_lfs?: boolean;
  readonly clean_tags?: boolean;
  readonly short_ref_format?: string;
  readonly timestamp_format?: string;
  readonly describe_ref_options?: string;
  readonly all_branches?: boolean;
  readonly debug?: boolean;
}

/** Put params of git. @see https://github.com/concourse/git-resource#out-push-to-a-repository */
export interface GitPutParams {
  /** The directory of the repository to push (an artifact). */
  readonly repository: string;
  readonly rebase?: boolean;
  readonly rebase_strategy?: string;
  readonly rebase_strategy_option?: string | readonly string[];
  readonly merge?: boolean;
  readonly returning?: "merged" | "unmerged";
  readonly tag?: string;
  readonly only_tag?: boolean;
  readonly tag_prefix?: string;
  readonly force?: boolean;
  readonly annotate?: string;
  readonly notes?: string;
  readonly branch?: string;
  readonly refs_prefix?: string;
  readonly push_options?: readonly string[];
  readonly debug?: boolean;
}

/** Files a git get writes besides the working tree. */
export const GIT_FILES = {
  ref: ".git/ref",
  commit: ".git/commit",
  shortRef: ".git/short_ref",
  branch: ".git/branch",
  tags: ".git/tags",
  author: ".git/author",
  authorDate: ".git/author_date",
  committer: ".git/committer",
  committerName: ".git/committer_name",
  committerDate: ".git/committer_date",
  commitMessage: ".git/commit_message",
  commitTimestamp: ".git/commit_timestamp",
  describeRef: ".git/describe_ref",
  url: ".git/url",
  metadata: ".git/metadata.json",
} as const;

/**
 * A git repository.
 *
 * @example
 * const repo = new GitResource("my-repo", { source: { uri: "https://github.com/tlwr/my-repo.git", branch: "main" } });
 */
export class GitResource extends Resource<GitSource, GitGetParams, GitPutParams, typeof GIT_FILES> {
  constructor(name: string, options: ResourceOptions<GitSource> & { readonly source: ResourceOptions<GitSource>["source"] & object }) {
    super(name, { ...options, type: "git" }, GIT_FILES);
  }
}
