/**
 * `lintYaml`: the three stages Concourse runs on a pipeline file (YAML pre-check and YAML 1.1
 * reading, decoding into its structs, validation), with positions, plus contrail's rules.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/api/configserver/save.go
 */
import { type Diagnostic, formatPath } from "../diagnostics/diagnostic.ts";
import type { PipelineConfig } from "../model/index.ts";
import { buildVarsReport, type VarsReport, varSourceNames } from "../vars/report.ts";
import { formatVersion, LATEST_CONCOURSE, supports } from "./concourse-version.ts";
import type { DecodeState } from "./decode/context.ts";
import { toJs } from "./decode/fields.ts";
import { decodePipeline } from "./decode/pipeline.ts";
import { collectFindings, toDiagnostic } from "./lint-config.ts";
import { pathAtOffset } from "./node-path.ts";
import { parseYaml } from "./parse.ts";
import { checkAggregate } from "./rules/deprecated.ts";
import { templatingProblems } from "./rules/templating.ts";
import { applyRuleSettings, applySuppressions, disabledLines } from "./settings.ts";
import { Report } from "./validate/report.ts";
import { obj } from "./values.ts";
import { interpolateForLint, type LintYamlOptions, legacyTemplatesForLint, varTypeDiagnostics } from "./with-vars.ts";
import { entry, type YNode } from "./ynode.ts";

export type { LintYamlOptions } from "./with-vars.ts";

/** What linting a file found. */
export interface LintResult {
  /** Every problem, in stage order. */
  readonly diagnostics: Diagnostic[];
  /** The decoded config, when the YAML and decode stages passed. */
  readonly config?: PipelineConfig;
  /** The vars accounting, when vars were given (see {@link LintYamlOptions.vars}). */
  readonly varsReport?: VarsReport;
}

/** The prefix the server puts before decode errors. */
export const DECODE_PREFIX = "error unmarshaling JSON: while decoding JSON: ";

/**
 * Lints pipeline YAML (or JSON) text as Concourse would judge it, with file positions.
 * Never throws: bad input becomes diagnostics.
 */
export function lintYaml(source: string, options: LintYamlOptions = {}): LintResult {
  const version = options.concourse;
  // v7 fly substituted old-style `{{name}}` templates in the text before reading the YAML.
  const legacy = legacyTemplatesForLint(source, options);
  const text = legacy.text;
  const parsed = parseYaml(text);
  const file = options.file;
  const at = (offset: number): { line: number; column: number } => {
    const pos = parsed.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  // Diagnostics that only know their offset (YAML and decode errors) get the path of the
  // node there, so that every diagnostic has one.
  const diag = (code: string, severity: "error" | "warning", message: string, offset: number, path = "", hint?: string): Diagnostic => ({
    code,
    severity,
    message,
    path: path || formatPath(pathAtOffset(parsed.root, offset)),
    ...(file !== undefined ? { file } : {}),
    ...at(offset),
    ...(hint !== undefined ? { hint } : {}),
  });
  const diagnostics: Diagnostic[] = [];
  const templating = templatingProblems(text);
  let varsReport: VarsReport | undefined;
  const finish = (config?: PipelineConfig): LintResult => {
    diagnostics.push(...templating.map((t) => diag("templating", "warning", t.message, t.offset, "", t.hint)));
    const out = applySuppressions(applyRuleSettings(diagnostics, options.rules), disabledLines(text));
    return { diagnostics: out, ...(config ? { config } : {}), ...(varsReport ? { varsReport } : {}) };
  };

  for (const p of legacy.problems) diagnostics.push(diag("var-interpolation", "error", p.message, p.offset));
  if (legacy.problems.length > 0) return finish();
  // v7 fly had no duplicate-key pre-check: its go-yaml v2 pass kept the last value.
  const dupesAllowed = !supports(version, "duplicateKeyPrecheck");
  for (const p of parsed.problems) {
    if (dupesAllowed && p.code === "yaml-duplicate-key") {
      diagnostics.push(
        diag(p.code, "warning", `${p.message}; Concourse ${formatVersion(version ?? LATEST_CONCOURSE)} keeps the last value`, p.offset),
      );
    } else diagnostics.push(diag(p.code, "error", p.message, p.offset));
  }
  if (diagnostics.some((d) => d.severity === "error")) return finish();
  const first = parsed.nonFinite[0];
  if (first) {
    const value = typeof first.value === "number" && Number.isNaN(first.value) ? "NaN" : Number(first.value) > 0 ? "+Inf" : "-Inf";
    diagnostics.push(
      diag(
        "decode-error",
        "error",
        `error converting YAML to JSON: json: unsupported value: ${value}`,
        first.offset,
        "",
        "quote the value",
      ),
    );
    return finish();
  }

  // fly's template pass: the given vars go in before anything is decoded.
  const vars = interpolateForLint(parsed.root, options);
  if (vars && options.vars) {
    const placed = vars.uses.map((u) => ({ ...u, ...at(u.offset) }));
    varsReport = buildVarsReport(placed, options.vars, varSourceNames(parsed.root));
    for (const v of varsReport.needed) {
      if (v.supplier !== "nobody") continue;
      const use = placed.find((u) => u.identity === v.identity);
      const source = use?.ref?.source ?? "";
      const message = `var '${v.identity}' names var source '${source}', which the pipeline does not declare`;
      const hint = "declare it under var_sources:, or drop the source to use the credential manager";
      diagnostics.push(diag("unsupplied-var", "warning", message, use?.offset ?? 0, "", hint));
    }
  }
  for (const p of vars?.problems ?? []) diagnostics.push(diag("var-interpolation", "error", p.message, p.offset, "", p.hint));
  if (vars && vars.problems.length > 0) return finish();
  const tree: YNode | undefined = vars ? vars.root : parsed.root;
  const root = tree?.kind === "map" ? tree : undefined;
  const state: DecodeState = { nodes: new WeakMap(), version };
  const decoded = decodePipeline(root, state);
  for (const p of decoded.problems) {
    if (p.kind === "error") {
      const d = diag("decode-error", "error", `${DECODE_PREFIX}${p.message}`, p.offset, "", p.hint);
      const fromVar = vars ? varTypeDiagnostics(d, p.offset, vars) : undefined;
      diagnostics.push(fromVar ? fromVar.field : d, ...(fromVar?.var ?? []));
    } else {
      diagnostics.push(
        diag("unknown-top-level-key", "warning", `unknown top-level key '${p.message}': Concourse drops it silently`, p.offset, p.message),
      );
    }
  }
  const locate = (target: object | undefined, key: string | undefined) => {
    const node = target ? state.nodes.get(target) : undefined;
    if (!node) return root ? at(root.offset) : { line: 1, column: 1 };
    const e = key !== undefined && node.kind === "map" ? entry(node, key) : undefined;
    return at(e ? e.keyOffset : node.offset);
  };
  if (!decoded.config) {
    // Concourse stops here; only explain removed forms found in the raw tree.
    const raw = root ? toJs(root, state) : undefined;
    const report = new Report();
    checkAggregate(obj(raw) ?? {}, report);
    for (const f of report.findings) diagnostics.push(toDiagnostic(f, file, locate));
    return finish();
  }
  for (const f of collectFindings(decoded.config, version)) {
    const filled = vars ? filledValue(f.target, f.key, state, vars.substituted) : undefined;
    // A secret a vars file put in is not a plaintext credential in the pipeline file.
    if (f.code === "plaintext-credential" && filled) continue;
    const d = toDiagnostic(f, file, locate);
    const fromVar = filled && vars ? varTypeDiagnostics(d, filled.offset, vars) : undefined;
    diagnostics.push(fromVar ? fromVar.field : d);
  }
  return finish(decoded.config as unknown as PipelineConfig);
}

/** The node of `target[key]` when a var filled it in. */
function filledValue(
  target: object | undefined,
  key: string | undefined,
  state: DecodeState,
  substituted: WeakSet<YNode>,
): YNode | undefined {
  const node = target ? state.nodes.get(target) : undefined;
  const e = node?.kind === "map" && key !== undefined ? entry(node, key) : undefined;
  return e !== undefined && substituted.has(e.value) ? e.value : undefined;
}
