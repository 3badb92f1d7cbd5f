/**
 * `lintConfig`: the validate stage and contrail's own rules on an already-decoded config.
 * `renderPipeline` calls it so that whatever contrail renders is a pipeline Concourse
 * accepts; it must stay fast and free of `fs`, `yaml` and `ts-morph`.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatPath } from "../diagnostics/diagnostic.ts";
import type { PipelineConfig } from "../model/index.ts";
import type { TaskFileSource } from "../task-file/source.ts";
import type { RuleSettings } from "./codes.ts";
import type { ConcourseVersion } from "./concourse-version.ts";
import { type RuleContext, ruleContext } from "./rules/context.ts";
import { runOwnRules } from "./rules/index.ts";
import { applyRuleSettings } from "./settings.ts";
import { validateConfig } from "./validate/index.ts";
import { type Finding, Report } from "./validate/report.ts";
import { withWalkCache } from "./walk.ts";

/** Options shared by the lint entry points. */
export interface LintOptions {
  /** The file name to put on diagnostics. */
  readonly file?: string;
  /** Per-code severity overrides; `off` drops the code. */
  readonly rules?: RuleSettings;
  /**
   * Where task files are: file tasks whose artifact it maps are checked like inline tasks
   * (the task file linted, inputs, outputs, params, vars). A function is called with the
   * decoded config, for mappings that depend on it (a git resource whose uri is the
   * checkout the pipeline sits in).
   */
  readonly taskFiles?: TaskFileSource | ((config: PipelineConfig) => TaskFileSource | undefined) | undefined;
  /** The Concourse version whose verdict and messages to give; the newest by default. */
  readonly concourse?: ConcourseVersion | undefined;
}

/** Runs the validate stage and contrail's rules; returns findings in emission order. */
export function collectFindings(config: unknown, context: RuleContext = ruleContext(), version?: ConcourseVersion): Finding[] {
  const report = new Report(version);
  withWalkCache(() => {
    validateConfig(config, report);
    runOwnRules(config, report, context);
  });
  return report.findings;
}

/** The rules' context for a lint run, the task-file source resolved against the config. */
export function contextFor(config: PipelineConfig, options: LintOptions): RuleContext {
  const source = typeof options.taskFiles === "function" ? options.taskFiles(config) : options.taskFiles;
  return ruleContext(source);
}

/** Turns a finding into a diagnostic, with a position when `locate` knows one. */
export function toDiagnostic(
  f: Finding,
  file: string | undefined,
  locate?: (target: object | undefined, key: string | undefined) => { line: number; column: number } | undefined,
): Diagnostic {
  const pos = f.at ?? locate?.(f.target, f.key);
  const where = f.at?.file ?? file;
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    path: formatPath(f.path),
    ...(where !== undefined ? { file: where } : {}),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    ...(f.hint !== undefined ? { hint: f.hint } : {}),
  };
}

/**
 * Checks a decoded pipeline the way Concourse's `configvalidate.Validate` does, plus
 * contrail's own rules. Diagnostics carry paths but no positions.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
export function lintConfig(config: PipelineConfig, options: LintOptions = {}): Diagnostic[] {
  const diagnostics = collectFindings(config, contextFor(config, options), options.concourse).map((f) => toDiagnostic(f, options.file));
  return applyRuleSettings(diagnostics, options.rules);
}
