/**
 * The parts of `lintYaml` that deal with vars given as fly would get them: the template pass
 * on the parsed tree, v7's textual `{{name}}` substitution, and a var's wrong-typed value
 * reported both at the field and at its line in the vars file.
 *
 * @see https://concourse-ci.org/vars.html
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type Interpolated, interpolateVars } from "../vars/interpolate.ts";
import { lookupVar, type VarSources } from "../vars/sources.ts";
import { describeOrigin, type VarValue } from "../vars/value.ts";
import type { YNode } from "../yaml/ynode.ts";
import { supports } from "./concourse-version.ts";
import type { LintOptions } from "./lint-config.ts";

/** Options of `lintYaml`. */
export interface LintYamlOptions extends LintOptions {
  /**
   * Vars to fill in first, as `fly set-pipeline -v/-y/-i/-l` does on the client (read them
   * with `loadVarSources`). Without it the file is judged as written, which is what fly does
   * with no var flags.
   */
  readonly vars?: VarSources | undefined;
}

/** The template pass's result, each problem with a hint saying where the var was given. */
export type LintInterpolation = Omit<Interpolated, "problems"> & {
  readonly problems: ReadonlyArray<{ readonly message: string; readonly offset: number; readonly hint?: string | undefined }>;
};

/** The template pass; undefined when no vars were given. */
export function interpolateForLint(root: YNode | undefined, options: LintYamlOptions): LintInterpolation | undefined {
  if (!options.vars) return undefined;
  const result = interpolateVars(root, options.vars);
  const problems = result.problems.map((p) => {
    const origin = p.use?.value ? describeOrigin(p.use.value.origin) : undefined;
    return origin ? { ...p, hint: `the value of '${p.use?.name}' comes from ${origin}` } : p;
  });
  return { ...result, problems };
}

/**
 * Explains a decode error whose value a var put in: the field's diagnostic gets a hint
 * naming the var, and a var from a vars file gets a diagnostic of its own at its line.
 */
export function varTypeDiagnostics(
  field: Diagnostic,
  offset: number,
  vars: Interpolated,
): { field: Diagnostic; var: Diagnostic[] } | undefined {
  const use = vars.uses.find((u) => u.whole && u.offset === offset && u.value !== undefined);
  const value = use?.value;
  if (!use || !value) return undefined;
  const origin = value.origin;
  const asString = origin.flag === "-v" ? "; a -v value is always a string: give a bool or number with -y NAME=VALUE" : "";
  const hint = `the value comes from var '${use.name}' (${describeOrigin(origin)})${asString}`;
  const out: Diagnostic[] = [];
  if (origin.file !== undefined) {
    out.push({
      code: "var-type",
      severity: "error",
      message: `var '${use.name}' has the wrong type for ${field.path || "the field it fills"}: ${field.message}`,
      path: use.name,
      file: origin.file,
      ...(origin.line !== undefined ? { line: origin.line, column: origin.column ?? 1 } : {}),
      hint: `${field.file ?? "the pipeline"}${field.line !== undefined ? `:${field.line}:${field.column ?? 1}` : ""} uses it; ${typeHint(value)}`,
    });
  }
  return { field: { ...field, hint: field.hint ? `${field.hint}; ${hint}` : hint }, var: out };
}

function typeHint(value: VarValue): string {
  if (value.kind === "scalar" && typeof value.value === "string") {
    return "YAML 1.1 reads only true/false/yes/no/on/off (unquoted) as booleans, and unquoted digits as numbers";
  }
  return "change the value in the vars file";
}

/** v7's old-style `{{name}}` template (`temp.Present`), identifiers only. */
const LEGACY = /\{\{([-\w\p{L}]+)\}\}/gu;

/**
 * Concourse v7's fly substituted `{{name}}` in the text before reading the YAML, with the
 * JSON encoding of the var, and refused an unbound one (v7 `setpipelinehelpers/atc_config.go`).
 * JSON has no raw newlines, so lines stay where they were. v8 removed this: there `{{x}}`
 * is YAML (a flow mapping), which the `templating` rule explains.
 */
export function legacyTemplatesForLint(
  text: string,
  options: LintYamlOptions,
): { text: string; problems: ReadonlyArray<{ message: string; offset: number }> } {
  if (supports(options.concourse, "noLegacyTemplates") || !text.includes("{{")) return { text, problems: [] };
  const problems: Array<{ message: string; offset: number }> = [];
  const sources: VarSources = options.vars ?? { layers: [], files: [] };
  const out = text.replace(LEGACY, (whole, name: string, offset: number) => {
    const found = lookupVar(sources, { source: undefined, path: name, fields: [] });
    if (!found.found) {
      problems.push({ message: `could not resolve old-style template vars: unbound variable in template: '${name}'`, offset });
      return whole;
    }
    return JSON.stringify(toJson(found.value));
  });
  return { text: out, problems };
}

function toJson(value: VarValue): unknown {
  if (value.kind === "scalar") return value.value;
  if (value.kind === "seq") return value.items.map(toJson);
  return Object.fromEntries([...value.entries].map(([k, v]) => [k, toJson(v)]));
}
