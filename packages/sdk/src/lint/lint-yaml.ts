/**
 * `lintYaml`: the three stages Concourse runs on a pipeline file (YAML pre-check and YAML 1.1
 * reading, decoding into its structs, validation), with positions, plus contrail's rules.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/api/configserver/save.go
 */
import { type Diagnostic, formatPath } from "../diagnostics/diagnostic.ts";
import type { PipelineConfig } from "../model/index.ts";
import type { DecodeState } from "./decode/context.ts";
import { toJs } from "./decode/fields.ts";
import { decodePipeline } from "./decode/pipeline.ts";
import { collectFindings, type LintOptions, toDiagnostic } from "./lint-config.ts";
import { pathAtOffset } from "./node-path.ts";
import { parseYaml } from "./parse.ts";
import { checkAggregate } from "./rules/deprecated.ts";
import { templatingProblems } from "./rules/templating.ts";
import { applyRuleSettings, applySuppressions, disabledLines } from "./settings.ts";
import { Report } from "./validate/report.ts";
import { obj } from "./values.ts";
import { entry } from "./ynode.ts";

/** What linting a file found. */
export interface LintResult {
  /** Every problem, in stage order. */
  readonly diagnostics: Diagnostic[];
  /** The decoded config, when the YAML and decode stages passed. */
  readonly config?: PipelineConfig;
}

/** The prefix the server puts before decode errors. */
export const DECODE_PREFIX = "error unmarshaling JSON: while decoding JSON: ";

/**
 * Lints pipeline YAML (or JSON) text as Concourse would judge it, with file positions.
 * Never throws: bad input becomes diagnostics.
 */
export function lintYaml(text: string, options: LintOptions = {}): LintResult {
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
  const finish = (config?: PipelineConfig): LintResult => {
    diagnostics.push(...templating.map((t) => diag("templating", "warning", t.message, t.offset, "", t.hint)));
    const out = applySuppressions(applyRuleSettings(diagnostics, options.rules), disabledLines(text));
    return config ? { diagnostics: out, config } : { diagnostics: out };
  };

  if (parsed.laterDocument !== undefined) {
    diagnostics.push(
      diag(
        "yaml-multiple-documents",
        "warning",
        "the file holds more than one YAML document: Concourse reads only the first and ignores the rest",
        parsed.laterDocument,
        "",
        "put each pipeline in its own file, or remove the '---' and what follows",
      ),
    );
  }
  for (const p of parsed.problems) diagnostics.push(diag(p.code, "error", p.message, p.offset));
  if (parsed.problems.length > 0) return finish();
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

  const root = parsed.root?.kind === "map" ? parsed.root : undefined;
  const state: DecodeState = { nodes: new WeakMap() };
  const decoded = decodePipeline(root, state);
  for (const p of decoded.problems) {
    if (p.kind === "error") diagnostics.push(diag("decode-error", "error", `${DECODE_PREFIX}${p.message}`, p.offset, "", p.hint));
    else {
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
  for (const f of collectFindings(decoded.config)) diagnostics.push(toDiagnostic(f, file, locate));
  return finish(decoded.config as unknown as PipelineConfig);
}
