/**
 * Which `var_sources` entries the typed `varSources` option takes as the importer writes
 * them (builders/var-sources.ts): a known manager type with a config of its known keys and
 * types. Any other entry (a type contrail does not type, such as `credhub`, an unknown key,
 * a `((var))` where a boolean belongs, a `null`) would not compile there, so the whole list
 * stays in the pipeline's `extra`, rendered as written.
 *
 * @see https://concourse-ci.org/vars.html#var-sources
 */
import type { JsonValue } from "../model/common.ts";
import { isObject } from "./load.ts";
import { fits, type ObjectShape } from "./shapes.ts";

const AWS_LOGIN = {
  region: "string",
  access_key: "string",
  secret_key: "string",
  session_token: "string",
  pipeline_secret_template: "string",
  team_secret_template: "string",
} as const;

/** The typed config of each manager, and whether it must be given. */
const CONFIGS: Readonly<Record<string, { readonly shape: ObjectShape; readonly required: boolean }>> = {
  vault: {
    required: true,
    shape: {
      required: ["url"],
      fields: {
        url: "string",
        path_prefix: "string",
        lookup_templates: "strings",
        shared_path: "string",
        namespace: "string",
        ca_cert: "string",
        client_cert: "string",
        client_key: "string",
        server_name: "string",
        insecure_skip_verify: "boolean",
        client_token: "string",
        auth_backend: "string",
        auth_backend_max_ttl: "string",
        auth_retry_max: "string",
        auth_retry_initial: "string",
        auth_params: "stringMap",
      },
    },
  },
  ssm: { required: false, shape: { fields: { ...AWS_LOGIN, shared_path: "string" } } },
  secretsmanager: { required: false, shape: { fields: { ...AWS_LOGIN, shared_secret_template: "string" } } },
  idtoken: {
    required: false,
    shape: {
      fields: {
        audience: "strings",
        subject_scope: { enum: ["team", "pipeline", "instance", "job"] },
        expires_in: "string",
        algorithm: { enum: ["RS256", "ES256"] },
      },
    },
  },
};

/** True when the entry type-checks as a `VarSourceProps` once written as TypeScript. */
export function typedVarSourceFits(v: JsonValue): boolean {
  if (!isObject(v) || typeof v["name"] !== "string" || typeof v["type"] !== "string") return false;
  if (Object.keys(v).some((k) => !["name", "type", "config"].includes(k))) return false;
  const config = v["config"];
  // Static vars may be anything; only the `vars` key is typed.
  if (v["type"] === "dummy") return isObject(config) && Object.keys(config).join() === "vars" && isObject(config["vars"]);
  const typed = CONFIGS[v["type"]];
  if (!typed) return false;
  if (config === undefined) return !typed.required;
  return fits(config, typed.shape);
}
