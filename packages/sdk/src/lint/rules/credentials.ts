/**
 * `plaintext-credential`: a `source`/`params` key that holds a secret (password, private key,
 * token...) set to a literal instead of a `((var))`. The value ends up in the pipeline
 * config, readable by anyone who can `fly get-pipeline`.
 *
 * @see https://concourse-ci.org/creds.html
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { isCredentialKey, uriCredential } from "../../diagnostics/secrets.ts";
import type { Report } from "../validate/report.ts";
import { arr, type Obj, obj, text } from "../values.ts";
import { walkJob } from "../walk.ts";

/** Words and numbers: flags and sizes (`SKIP_TOKEN_CHECK: "true"`, `TOKEN_TTL: 3600`), not secrets. */
const NOT_SECRET_VALUE = /^(true|false|yes|no|on|off|null|~|[-+]?\d+(\.\d+)?)$/i;

/**
 * True when a literal could be a secret. A URL is one only when it carries user info
 * (`https://user:pass@host`): `REFRESH_ACCESS_TOKEN_ENDPOINT: https://...` names an
 * endpoint. Empty strings, flags and numbers are never secrets; `((vars))` are not literals.
 */
function couldBeSecret(value: string): boolean {
  const v = value.trim();
  if (v === "" || v.includes("((") || NOT_SECRET_VALUE.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    try {
      const url = new URL(v);
      return url.username !== "" || url.password !== "";
    } catch {
      // Not a URL after all (a scheme-like prefix): judge it by its key alone.
      return true;
    }
  }
  return true;
}

/**
 * What a value under `key` is, for this rule: a URI with a credential in its userinfo, a
 * literal where a credential belongs, or neither. One test for both the pre-check and the
 * scan, so that they cannot disagree.
 */
function secretKind(key: string, value: unknown): "uri" | "literal" | undefined {
  if (typeof value !== "string") return undefined;
  if (uriCredential(value) !== undefined) return "uri";
  // The key first: most keys name no credential, and the value's test is the dearer.
  return isCredentialKey(key) && couldBeSecret(value) ? "literal" : undefined;
}

/** True when scanning `map` would report something: tested first, so that paths are made only then. */
function holdsSecret(map: Obj): boolean {
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    const value = map[key];
    const nested = obj(value);
    if (nested ? holdsSecret(nested) : secretKind(key, value) !== undefined) return true;
  }
  return false;
}

function scan(map: Obj, path: readonly PathSegment[], report: Report): void {
  for (const [key, value] of Object.entries(map)) {
    const nested = obj(value);
    if (nested) {
      scan(nested, [...path, key], report);
      continue;
    }
    const kind = secretKind(key, value);
    if (kind === "uri") {
      report.warning(
        "plaintext-credential",
        `'${key}' holds a URI with a credential in its userinfo (user:password@); credentials belong in a credential manager`,
        [...path, key],
        map,
        key,
        "drop the userinfo and give the credential in its own field as a var, e.g. password: ((git_password))",
      );
    } else if (kind === "literal") {
      report.warning(
        "plaintext-credential",
        `'${key}' holds a literal value; credentials belong in a credential manager`,
        [...path, key],
        map,
        key,
        `use a var instead: ${key}: ((${key.toLowerCase()}))`,
      );
    }
  }
}

/** Runs `plaintext-credential` on resources, resource types, var sources and step params. */
export function checkPlaintextCredentials(config: Obj, report: Report): void {
  for (const section of ["resources", "resource_types", "prototypes"] as const) {
    arr(config[section]).forEach((value, i) => {
      const item = obj(value);
      const source = obj(item?.source);
      if (source && holdsSecret(source)) scan(source, [section, text(item?.name) || i, "source"], report);
    });
  }
  for (const value of arr(config.jobs)) {
    const job = obj(value);
    if (!job) continue;
    walkJob(job, (step, _core, path) => {
      const params = obj(step.params);
      if (params && holdsSecret(params)) scan(params, [...path, "params"], report);
      const getParams = obj(step.get_params);
      if (getParams && holdsSecret(getParams)) scan(getParams, [...path, "get_params"], report);
      const config = obj(step.config);
      if (!config) return;
      const taskParams = obj(config.params);
      if (taskParams && holdsSecret(taskParams)) scan(taskParams, [...path, "config", "params"], report);
      const image = obj(obj(config.image_resource)?.source);
      if (image && holdsSecret(image)) scan(image, [...path, "config", "image_resource", "source"], report);
    });
  }
}
