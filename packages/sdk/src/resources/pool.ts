/**
 * The `pool` resource (core type): locks in a git repository, claimed and released by
 * puts. It ignores unknown keys.
 * @see https://github.com/concourse/pool-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { defineSpec, goDuration, isSet, type Rule, type TypedResourceOptions } from "./_define.ts";
import { GitConfigSchema, HttpsTunnelSchema } from "./git.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/pool-resource";

/** Source of a pool resource. @see https://github.com/concourse/pool-resource#source-configuration */
export const PoolSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The lock repository's URI. Required. */
    uri: z.string().describe("The lock repository's URI. Required."),
    /** Its branch. Required. */
    branch: z.string().describe("Its branch. Required."),
    /** The pool: a top-level directory holding `claimed/` and `unclaimed/`. Required. */
    pool: z.string().describe("The pool: a top-level directory holding claimed/ and unclaimed/. Required."),
    /** A private key (PEM) for SSH URIs. */
    private_key: z.string().optional().describe("A private key (PEM) for SSH URIs."),
    /** The SSH user. */
    private_key_user: z.string().optional().describe("The SSH user."),
    /** The key's passphrase. */
    private_key_passphrase: z.string().optional().describe("The key's passphrase."),
    /** HTTP(S) username. */
    username: z.string().optional().describe("HTTP(S) username."),
    /** HTTP(S) password. */
    password: z.string().optional().describe("HTTP(S) password."),
    /** Forward the SSH agent. @default false */
    forward_agent: z.boolean().optional().describe("Forward the SSH agent. Default: false."),
    /** Skip TLS verification. @default false */
    skip_ssl_verification: z.boolean().optional().describe("Skip TLS verification. Default: false."),
    /** Git config entries. */
    git_config: z.array(GitConfigSchema).optional().describe("Git config entries."),
    /** Tunnel SSH through an HTTP proxy. */
    https_tunnel: HttpsTunnelSchema.optional().describe("Tunnel SSH through an HTTP proxy."),
    /** A Go duration between attempts to claim, e.g. `"10s"`. @default "10s" */
    retry_delay: z.string().optional().describe('A Go duration between attempts to claim, e.g. "10s". Default: "10s".'),
  }),
);

/** Get params of pool. */
export const PoolGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Shallow clone depth. */
    depth: z.number().int().min(0).optional().describe("Shallow clone depth."),
  }),
);

/** Put params of pool: exactly one action. @see https://github.com/concourse/pool-resource#out-acquire-release-add-or-remove-a-lock */
export const PoolPutParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Claim a random unclaimed lock. */
    acquire: z.boolean().optional().describe("Claim a random unclaimed lock."),
    /** Claim this lock, by NAME (not a path). */
    claim: z.string().optional().describe("Claim this lock, by NAME (not a path)."),
    /** Release the lock in this directory (usually the get/put step's name). */
    release: z.string().optional().describe("Release the lock in this directory (usually the get/put step's name)."),
    /** Add the lock in this directory (holding `name` and `metadata`) as unclaimed. */
    add: z.string().optional().describe("Add the lock in this directory (holding name and metadata) as unclaimed."),
    /** Add the lock in this directory as claimed. */
    add_claimed: z.string().optional().describe("Add the lock in this directory as claimed."),
    /** Remove the lock in this directory. */
    remove: z.string().optional().describe("Remove the lock in this directory."),
    /** Update the lock in this directory. */
    update: z.string().optional().describe("Update the lock in this directory."),
    /** Wait until the lock in this directory is unclaimed. */
    check: z.string().optional().describe("Wait until the lock in this directory is unclaimed."),
    /** Wait until the lock in this directory is claimed. */
    check_unclaimed: z.string().optional().describe("Wait until the lock in this directory is claimed."),
  }),
);

/** Version of pool. */
export const PoolVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The lock repository's commit. */
    ref: z.string().describe("The lock repository's commit."),
  }),
);

/** Source of a pool resource. @see https://github.com/concourse/pool-resource#source-configuration */
export type PoolSource = z.input<typeof PoolSourceSchema>;
/** Get params of pool. */
export type PoolGetParams = z.input<typeof PoolGetParamsSchema>;
/** Put params of pool. */
export type PoolPutParams = z.input<typeof PoolPutParamsSchema>;

const ACTIONS = ["acquire", "claim", "release", "add", "add_claimed", "remove", "update", "check", "check_unclaimed"];

const oneAction: Rule = (params, report) => {
  const given = ACTIONS.filter((a) => isSet(params[a]));
  if (given.length === 0) {
    report("pool-put-no-action", "error", [], `a pool put needs one action: ${ACTIONS.join(", ")}`);
  } else if (given.length > 1) {
    report(
      "pool-put-several-actions",
      "error",
      [given[1] ?? ""],
      `a pool put takes exactly one action, but has ${given.join(", ")}`,
      "Use one put per action; the resource would run them all in its own order.",
    );
  }
};

/** pool's schemas and rules. */
export const poolSpec = defineSpec({
  type: "pool",
  readme: README,
  strict: false,
  schemas: { source: PoolSourceSchema, get: PoolGetParamsSchema, put: PoolPutParamsSchema, version: PoolVersionSchema },
  rules: { source: [goDuration("retry_delay", "pool-invalid-retry-delay")], put: [oneAction] },
});

/** Files a pool get writes besides the lock repository. */
export const POOL_FILES = {
  /** The lock's contents. */
  metadata: "metadata",
  /** The lock's name. */
  name: "name",
} as const;

/** Options of a pool resource. */
export type PoolResourceOptions = TypedResourceOptions<PoolSource>;

/**
 * A pool of locks.
 *
 * @example
 * const envs = new PoolResource("envs", { source: { uri: "git@github.com:org/locks.git", branch: "main", pool: "envs" } });
 * @see https://github.com/concourse/pool-resource
 */
export class PoolResource extends Resource<PoolSource, PoolGetParams, PoolPutParams, typeof POOL_FILES> {
  constructor(name: string, options: PoolResourceOptions) {
    super(name, { ...options, type: "pool" }, POOL_FILES, poolSpec);
  }
}
