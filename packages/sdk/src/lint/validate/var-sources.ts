/**
 * Var sources (block `invalid variable sources:`): registered and supported credential
 * manager types, duplicate names, the checks of each manager that need no network, and the
 * dependency order between sources that reference each other.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 * @see https://concourse-ci.org/vars.html#var-sources
 */
import { goTypeOf } from "../../go/format.ts";
import { arr, type Obj, obj, text } from "../values.ts";
import { itemContext, reportIdentifier } from "./names.ts";
import type { Report } from "./report.ts";

const SUPPORTED = new Set(["vault", "dummy", "ssm", "secretsmanager", "idtoken"]);
const REGISTERED = new Set([...SUPPORTED, "credhub", "conjur", "kubernetes"]);

/** `NewInstance` then `Validate` of the managers whose checks are offline. */
function managerProblem(type: string, config: unknown): { create?: string; invalid?: string } {
  const c = obj(config);
  switch (type) {
    case "dummy": {
      if (config !== undefined && config !== null && !c) return { create: `invalid dummy credential manager config: ${goTypeOf(config)}` };
      const vars = c?.vars;
      if (vars !== undefined && vars !== null && !obj(vars)) return { create: `invalid vars config: ${goTypeOf(vars)}` };
      return {};
    }
    case "vault":
      if (config !== undefined && config !== null && !c) return { create: "invalid vault config format" };
      if (c && "path_prefix" in c && text(c.path_prefix) === "") return { invalid: "path prefix must be a non-empty string" };
      if (!text(c?.client_token) && !text(c?.auth_backend)) return { invalid: "must configure client token or auth backend" };
      return {};
    case "credhub": {
      const url = text(c?.url);
      return /^https?:\/\//.test(url) ? {} : { invalid: "invalid URL (must be http or https)" };
    }
    default:
      return {};
  }
}

const SOURCE_REF = /\(\(([-/.\w\p{L}]+):[-/.:@"\w\p{L}]+\)\)/gu;

/** The var source names referenced as `((name:path))` anywhere in a value. */
function referencedSources(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    for (const m of value.matchAll(SOURCE_REF)) if (m[1] && m[1] !== ".") into.add(m[1]);
  } else if (Array.isArray(value)) for (const v of value) referencedSources(v, into);
  else if (obj(value))
    for (const [k, v] of Object.entries(value as Obj)) {
      referencedSources(k, into);
      referencedSources(v, into);
    }
}

/** Validates `var_sources`, V1–V7. */
export function validateVarSources(config: Obj, report: Report): void {
  const sources = arr(config.var_sources);
  const names = new Map<string, number>();
  const before = report.findings.filter((f) => f.severity === "error").length;
  sources.forEach((value, i) => {
    const source = obj(value) ?? {};
    const { name, context, path } = itemContext("var_sources", source, i);
    reportIdentifier(report, name, context, path, source, "name");
    const type = text(source.type);
    if (!REGISTERED.has(type)) {
      report.error("unknown-var-source-type", `unknown credential manager type: ${type}`, path, source, "type");
      return;
    }
    if (!SUPPORTED.has(type)) {
      report.error("unsupported-var-source-type", `credential manager type ${type} is not supported in pipeline yet`, path, source, "type");
    }
    const other = names.get(name);
    if (other !== undefined) {
      report.error("duplicate-name", `var_sources[${other}] and var_sources[${i}] have the same name ('${name}')`, path, source, "name");
    }
    names.set(name, i);
    const problem = managerProblem(type, source.config);
    if (problem.create)
      report.error("invalid-var-source", `failed to create credential manager ${name}: ${problem.create}`, path, source, "config");
    else if (problem.invalid)
      report.error("invalid-var-source", `credential manager ${name} is invalid: ${problem.invalid}`, path, source, "config");
  });
  if (report.findings.filter((f) => f.severity === "error").length !== before) return;
  // OrderByDependency: repeatedly take the sources whose references are all resolved.
  const deps = sources.map((s) => {
    const refs = new Set<string>();
    referencedSources(obj(s)?.config, refs);
    return { name: text(obj(s)?.name), refs, source: obj(s) };
  });
  const resolved = new Set<string>();
  let pending = deps;
  for (;;) {
    const next = pending.filter((d) => ![...d.refs].every((r) => resolved.has(r)));
    for (const d of pending) if (!next.includes(d)) resolved.add(d.name);
    if (next.length === 0 || next.length === pending.length) {
      pending = next;
      break;
    }
    pending = next;
  }
  if (pending.length > 0) {
    const first = pending[0];
    report.error(
      "var-source-dependency",
      `failed to order by dependency: could not resolve inter-dependent var sources: ${pending.map((d) => d.name).join(", ")}`,
      ["var_sources", first?.name ?? 0],
      first?.source,
      "config",
    );
  }
}
