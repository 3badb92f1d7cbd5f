/**
 * Just enough of the typed resources' TypeScript types to know whether YAML values fit
 * them: a typed class is used only when its `source` and params type-check as they are.
 */
import type { JsonValue } from "../model/common.ts";

/** The TypeScript type of a field, as far as the importer needs it. */
export type Shape =
  | "string"
  | "number"
  | "boolean"
  | "strings"
  | "stringMap"
  | { readonly enum: readonly string[] }
  | { readonly oneOf: readonly Shape[] }
  | ObjectShape;

/** An object type: its fields, and those it requires. */
export interface ObjectShape {
  readonly fields: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
}

/** True when `value`, written as the importer writes it, type-checks as `shape`. */
export function fits(value: JsonValue | undefined, shape: Shape): boolean {
  if (value === undefined) return false;
  if (shape === "string") return typeof value === "string";
  if (shape === "number") return typeof value === "number";
  if (shape === "boolean") return typeof value === "boolean";
  if (shape === "strings") return Array.isArray(value) && value.every((v) => typeof v === "string");
  if (shape === "stringMap") {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  }
  if ("enum" in shape) return typeof value === "string" && shape.enum.includes(value) && !value.includes("((");
  if ("oneOf" in shape) return shape.oneOf.some((s) => fits(value, s));
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const key of shape.required ?? []) if (!(key in value)) return false;
  return Object.entries(value).every(([key, v]) => {
    const field = shape.fields[key];
    return field !== undefined && fits(v, field);
  });
}

const s = "string" as const;
const n = "number" as const;
const b = "boolean" as const;
const list = "strings" as const;

/** `GitSource`. */
export const GIT_SOURCE: ObjectShape = {
  required: ["uri"],
  fields: {
    uri: s,
    branch: s,
    private_key: s,
    private_key_user: s,
    private_key_passphrase: s,
    forward_agent: b,
    username: s,
    password: s,
    paths: list,
    sparse_paths: list,
    ignore_paths: list,
    skip_ssl_verification: b,
    tag_filter: s,
    tag_regex: s,
    tag_behaviour: { enum: ["match_tagged", "match_tag_ancestors"] },
    fetch_tags: b,
    submodule_credentials: { oneOf: [] },
    git_config: { oneOf: [] },
    disable_ci_skip: b,
    commit_verification_keys: list,
    commit_verification_key_ids: list,
    gpg_keyserver: s,
    git_crypt_key: s,
    https_tunnel: {
      required: ["proxy_host", "proxy_port"],
      fields: { proxy_host: s, proxy_port: { oneOf: [s, n] }, proxy_user: s, proxy_password: s },
    },
    commit_filter: { fields: { include: list, include_all_match: b, exclude: list, exclude_all_match: b } },
    version_depth: n,
    search_remote_refs: b,
    debug: b,
  },
};

/** `GitGetParams`. */
export const GIT_GET_PARAMS: ObjectShape = {
  fields: {
    depth: n,
    fetch: list,
    fetch_tags: b,
    submodules: { oneOf: [{ enum: ["all", "none"] }, list] },
    submodule_recursive: b,
    submodule_remote: b,
    disable_git_lfs: b,
    clean_tags: b,
    short_ref_format: s,
    timestamp_format: s,
    describe_ref_options: s,
    all_branches: b,
    debug: b,
  },
};

/** `GitPutParams`. */
export const GIT_PUT_PARAMS: ObjectShape = {
  required: ["repository"],
  fields: {
    repository: s,
    rebase: b,
    rebase_strategy: s,
    rebase_strategy_option: { oneOf: [s, list] },
    merge: b,
    returning: { enum: ["merged", "unmerged"] },
    tag: s,
    only_tag: b,
    tag_prefix: s,
    force: b,
    annotate: s,
    notes: s,
    branch: s,
    refs_prefix: s,
    push_options: list,
    debug: b,
  },
};

/** `RegistryImageSource`. */
export const REGISTRY_IMAGE_SOURCE: ObjectShape = {
  required: ["repository"],
  fields: {
    repository: s,
    tag: s,
    tag_regex: s,
    created_at_sort: b,
    variant: s,
    semver_constraint: s,
    pre_releases: b,
    pre_release_prefixes: list,
    insecure: b,
    username: s,
    password: s,
    aws_access_key_id: s,
    aws_secret_access_key: s,
    aws_session_token: s,
    aws_region: s,
    aws_role_arn: s,
    aws_role_arns: list,
    aws_account_id: s,
    aws_ecr_registry_id: s,
    azure_acr: b,
    azure_client_id: s,
    azure_tenant_id: s,
    azure_environment: { enum: ["AzurePublic", "AzureGovernment", "AzureChina"] },
    platform: { fields: { architecture: s, os: s } },
    label_regex: s,
    annotation_regex: s,
    registry_mirror: { required: ["host"], fields: { host: s, username: s, password: s } },
    content_trust: "stringMap",
    ca_certs: list,
    debug: b,
  },
};

/** `RegistryImageGetParams`. */
export const REGISTRY_IMAGE_GET_PARAMS: ObjectShape = {
  fields: { format: { enum: ["rootfs", "oci", "oci-layout"] }, platform: { fields: { architecture: s, os: s } }, skip_download: b },
};

/** `RegistryImagePutParams`. */
export const REGISTRY_IMAGE_PUT_PARAMS: ObjectShape = {
  required: ["image"],
  fields: { image: s, version: s, bump_aliases: b, additional_tags: s, tag_prefix: s },
};

/** `RegistryTagSource`. */
export const REGISTRY_TAG_SOURCE: ObjectShape = {
  required: ["uri"],
  fields: {
    uri: s,
    username: s,
    password: s,
    pages: n,
    tags_per_page: n,
    regexp: s,
    semver: { required: ["matcher"], fields: { matcher: s, prefix: s } },
    sort: { fields: { method: { enum: ["alphabetical", "numerical"] }, reverse: b } },
  },
};

/** No params at all (`Record<string, never>`). */
export const NO_PARAMS: ObjectShape = { fields: {} };
