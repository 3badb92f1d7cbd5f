/**
 * `lintYaml`: the three stages Concourse runs on a pipeline file (YAML pre-check and YAML 1.1
 * reading, decoding into its structs, validation), with positions, plus contrail's rules.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/api/configserver/save.go
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PipelineConfig } from "../model/index.ts";
import type { TaskFileSource } from "../task-file/source.ts";
import { DECODE_PREFIX } from "./decode/context.ts";
import { toJs } from "./decode/fields.ts";
import { decodePipeline } from "./decode/pipeline.ts";
import { readYamlFile } from "./front-end.ts";
import { collectFindings, contextFor, type LintOptions, toDiagnostic } from "./lint-config.ts";
import type { FileTaskStats } from "./rules/context.ts";
import { checkAggregate } from "./rules/deprecated.ts";
import { applyRuleSettings, applySuppressions, disabledLines } from "./settings.ts";
import { Report } from "./validate/report.ts";
import { obj } from "./values.ts";

/** What linting a file found. */
export interface LintResult {
  /** Every problem, in stage order. */
  readonly diagnostics: Diagnostic[];
  /** The decoded config, when the YAML and decode stages passed. */
  readonly config?: PipelineConfig;
  /** How many file tasks were followed into their task files, and how many were not. */
  readonly fileTasks?: FileTaskStats;
}

export { DECODE_PREFIX } from "./decode/context.ts";

/**
 * Lints pipeline YAML (or JSON) text as Concourse would judge it, with file positions.
 * Never throws: bad input becomes diagnostics.
 */
export function lintYaml(text: string, options: LintOptions = {}): LintResult {
  const file = options.file;
  const front = readYamlFile(text, file);
  const { root, state, diag } = front;
  const { locate } = front.locator;
  const diagnostics: Diagnostic[] = [...front.diagnostics];
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
    return { diagnostics: out, ...(config ? { config } : {}), ...(fileTasks ? { fileTasks } : {}) };
  };
  if (diagnostics.length > 0) return finish();

  const decoded = decodePipeline(root, state);
  for (const p of decoded.problems) {
    if (p.kind === "error") diagnostics.push(diag("decode-error", "error", `${DECODE_PREFIX}${p.message}`, p.offset, "", p.hint));
    else {
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
  for (const f of collectFindings(config, context)) diagnostics.push(toDiagnostic(f, file, locate));
  return finish(config, context.stats, context.taskFiles);
}
