/**
 * `var_sources`: credential managers scoped to one pipeline, each with the config its
 * Concourse manager decodes. Only the managers Concourse supports as var sources are
 * offered (`credhub`, `conjur` and `kubernetes` are registered but refused with "not
 * supported in pipeline yet"). Keys are Concourse's own, as in the YAML; any string may be
 * a `((var))`, including one of another var source.
 *
 * @see https://concourse-ci.org/vars.html#var-sources
 * @see https://github.com/concourse/concourse/tree/master/atc/creds
 */

/**
 * A Vault server (`atc/creds/vault/manager.go`, decoded with unknown keys refused).
 * Give `client_token` or `auth_backend`.
 * @see https://concourse-ci.org/vault-credential-manager.html
 */
export interface VaultVarSourceConfig {
  /** The Vault server's address, e.g. `"https://vault.example.com:8200"`. */
  readonly url: string;
  /** Path under which secrets are looked up. @default "/concourse" */
  readonly path_prefix?: string;
  /** Lookup path templates, tried in order. @default ["/{{.Team}}/{{.Pipeline}}/{{.Secret}}", "/{{.Team}}/{{.Secret}}"] */
  readonly lookup_templates?: readonly string[];
  /** Path for credentials shared by every team. */
  readonly shared_path?: string;
  /** The Vault namespace (Vault Enterprise). */
  readonly namespace?: string;
  /** PEM-encoded CA certificate to verify the server. */
  readonly ca_cert?: string;
  /** PEM-encoded client certificate, for the `cert` auth backend. */
  readonly client_cert?: string;
  /** PEM-encoded client key. */
  readonly client_key?: string;
  /** SNI host name for the TLS connection. */
  readonly server_name?: string;
  /** Skip verifying the server's certificate. @default false */
  readonly insecure_skip_verify?: boolean;
  /** A token to access secrets with. */
  readonly client_token?: string;
  /** An auth backend to log in with, e.g. `"approle"`. */
  readonly auth_backend?: string;
  /** Log in again after this long (a Go duration). */
  readonly auth_backend_max_ttl?: string;
  /** Longest wait between login retries (a Go duration). @default "5m" */
  readonly auth_retry_max?: string;
  /** First wait between login retries (a Go duration). @default "1s" */
  readonly auth_retry_initial?: string;
  /** Parameters of the auth backend's login, e.g. `{ role_id: "...", secret_id: "((approle_secret))" }`. */
  readonly auth_params?: Readonly<Record<string, string>>;
}

/**
 * Static vars given in the pipeline (`atc/creds/dummy`): for tests and examples.
 */
export interface DummyVarSourceConfig {
  /** The vars, by name. */
  readonly vars: Readonly<Record<string, unknown>>;
}

/** How the AWS managers log in: without keys, the web node's own AWS credentials are used. */
interface AwsVarSourceLogin {
  /** The AWS region, e.g. `"eu-west-1"`. */
  readonly region?: string;
  /** AWS access key id; with it, `secret_key` is required. */
  readonly access_key?: string;
  /** AWS secret access key. */
  readonly secret_key?: string;
  /** AWS session token. */
  readonly session_token?: string;
  /** Name template for pipeline secrets. @default "/concourse/{{.Team}}/{{.Pipeline}}/{{.Secret}}" */
  readonly pipeline_secret_template?: string;
  /** Name template for team secrets. @default "/concourse/{{.Team}}/{{.Secret}}" */
  readonly team_secret_template?: string;
}

/**
 * AWS Systems Manager Parameter Store (`atc/creds/ssm/manager.go`).
 * @see https://concourse-ci.org/aws-ssm-credential-manager.html
 */
export interface SsmVarSourceConfig extends AwsVarSourceLogin {
  /** Parameter path for shared secrets. */
  readonly shared_path?: string;
}

/**
 * AWS Secrets Manager (`atc/creds/secretsmanager/manager.go`).
 * @see https://concourse-ci.org/aws-asm-credential-manager.html
 */
export interface SecretsManagerVarSourceConfig extends AwsVarSourceLogin {
  /** Secret id template for secrets shared by every team. @default "/concourse/{{.Secret}}" */
  readonly shared_secret_template?: string;
}

/**
 * OIDC identity tokens signed by Concourse (`atc/creds/idtoken/manager.go`, Concourse
 * v7.14+): `((name:token))` is a JWT for the build, to exchange for cloud credentials.
 * @see https://concourse-ci.org/idtoken-credential-manager.html
 */
export interface IdTokenVarSourceConfig {
  /** The token's `aud` claims. */
  readonly audience?: readonly string[];
  /** What the `sub` claim names. @default "pipeline" */
  readonly subject_scope?: "team" | "pipeline" | "instance" | "job";
  /** How long a token is valid (a Go duration, at most 24h). @default "1h" */
  readonly expires_in?: string;
  /** The signing algorithm. @default "RS256" */
  readonly algorithm?: "RS256" | "ES256";
}

interface VarSourceBase {
  /** The source's name, used as `((name:path))`. */
  readonly name: string;
}

/**
 * A credential manager scoped to the pipeline, typed by `type`.
 * @see https://concourse-ci.org/vars.html#var-sources
 */
export type VarSourceProps =
  | (VarSourceBase & { readonly type: "vault"; readonly config: VaultVarSourceConfig })
  | (VarSourceBase & { readonly type: "dummy"; readonly config: DummyVarSourceConfig })
  | (VarSourceBase & { readonly type: "ssm"; readonly config?: SsmVarSourceConfig })
  | (VarSourceBase & { readonly type: "secretsmanager"; readonly config?: SecretsManagerVarSourceConfig })
  | (VarSourceBase & { readonly type: "idtoken"; readonly config?: IdTokenVarSourceConfig });
