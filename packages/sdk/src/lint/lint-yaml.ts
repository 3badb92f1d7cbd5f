/**
 * `lintYaml`: the three stages Concourse runs on a pipeline file (YAML pre-check and YAML 1.1
 * reading, decoding into its structs, validation), with positions, plus contrail's rules;
 * with vars, fly's template pass before decoding.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/api/configserver/save.go
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PipelineConfig } from "../model/index.ts";
import type { TaskFileSource } from "../task-file/source.ts";
import { buildVarsReport, type VarsReport, varSourceNames } from "../vars/report.ts";
import { entry, type YNode } from "../yaml/ynode.ts";
import { DECODE_PREFIX, type DecodeState } from "./decode/context.ts";
import { toJs } from "./decode/fields.ts";
import { decodePipeline } from "./decode/pipeline.ts";
import { readYamlFile } from "./front-end.ts";
import { collectFindings, contextFor, toDiagnostic } from "./lint-config.ts";
import type { FileTaskStats } from "./rules/context.ts";
import { checkAggregate } from "./rules/deprecated.ts";
import { applyRuleSettings, applySuppressions, disabledLines } from "./settings.ts";
import { Report } from "./validate/report.ts";
import { obj } from "./values.ts";
import { interpolateForLint, type LintYamlOptions, legacyTemplatesForLint, varTypeDiagnostics } from "./with-vars.ts";

export type { LintYamlOptions } from "./with-vars.ts";

/** What linting a file found. */
export interface LintResult {
  /** Every problem, in stage order. */
  readonly diagnostics: Diagnostic[];
  /** The decoded config, when the YAML and decode stages passed. */
  readonly config?: PipelineConfig;
  /** How many file tasks were followed into their task files, and how many were not. */
  readonly fileTasks?: FileTaskStats;
  /** The vars accounting, when vars were given (see {@link LintYamlOptions.vars}). */
  readonly varsReport?: VarsReport;
}

export { DECODE_PREFIX } from "./decode/context.ts";

/**
 * Lints pipeline YAML (or JSON) text as Concourse would judge it, with file positions.
 * Never throws: bad input becomes diagnostics.
 */
export function lintYaml(source: string, options: LintYamlOptions = {}): LintResult {
  const version = options.concourse;
  const file = options.file;
  // v7 fly substituted old-style `{{name}}` templates in the text before reading the YAML.
  const legacy = legacyTemplatesForLint(source, options);
  const text = legacy.text;
  const front = readYamlFile(text, file, version);
  const { parsed, diag } = front;
  const { at, locate } = front.locator;
  const diagnostics: Diagnostic[] = [];
  let varsReport: VarsReport | undefined;
  const finish = (config?: PipelineConfig, fileTasks?: FileTaskStats, taskFiles?: TaskFileSource): LintResult => {
    diagnostics.push(...front.templating);
    // Comments of each file silence its own lines: this file's, and a task file's for what
    // is reported in it.
    const disabled = new Map([[file, disabledLines(text)]]);
    const linesOf = (name: string | undefined) => {
      if (!disabled.has(name)) {
        const taskFile = name === undefined ? undefined : taskFiles?.files().get(name);
        disabled.set(name, taskFile ? disabledLines(taskFile.text) : new Map());
      }
      return disabled.get(name) ?? new Map();
    };
    const out = applyRuleSettings(diagnostics, options.rules).filter((d) => applySuppressions([d], linesOf(d.file)).length > 0);
    return { diagnostics: out, ...(config ? { config } : {}), ...(fileTasks ? { fileTasks } : {}), ...(varsReport ? { varsReport } : {}) };
  };
  for (const p of legacy.problems) diagnostics.push(diag("var-interpolation", "error", p.message, p.offset));
  if (legacy.problems.length > 0) return finish();
  diagnostics.push(...front.diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return finish();

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
  const { state } = front;

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
  if (!decoded.config) {
    // Concourse stops here; only explain removed forms found in the raw tree.
    const raw = root ? toJs(root, state) : undefined;
    const report = new Report();
    checkAggregate(obj(raw) ?? {}, report);
    for (const f of report.findings) diagnostics.push(toDiagnostic(f, file, locate));
    return finish();
  }
  const config = decoded.config as unknown as PipelineConfig;
  const context = contextFor(config, options);
  for (const f of collectFindings(config, context, version)) {
    const filled = vars ? filledValue(f.target, f.key, state, vars.substituted) : undefined;
    // A secret a vars file put in is not a plaintext credential in the pipeline file.
    if (f.code === "plaintext-credential" && filled) continue;
    const d = toDiagnostic(f, file, locate);
    const fromVar = filled && vars ? varTypeDiagnostics(d, filled.offset, vars) : undefined;
    diagnostics.push(fromVar ? fromVar.field : d);
  }
  return finish(config, context.stats, context.taskFiles);
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
