/**
 * Render: builders to config model to text. Pure: the same pipeline always gives the same
 * bytes, and nothing here touches the file system.
 */

import type { Pipeline } from "../builders/pipeline.ts";
import { ContrailError, type Diagnostic, hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import type { RuleSettings } from "../lint/codes.ts";
import type { ConcourseVersion } from "../lint/concourse-version.ts";
import { type LintOptions, lintConfig } from "../lint/lint-config.ts";
import type { PipelineConfig } from "../model/pipeline.ts";
import type { TaskFileSource } from "../task-file/index.ts";
import { escapeHatchDiagnostics } from "./escape-hatch-check.ts";
import { generatedHeader } from "./header.ts";
import { taskDeclarationDrift } from "./task-file-drift.ts";
import { toJson } from "./to-json.ts";
import { toYaml } from "./to-yaml.ts";

/** Output formats of {@link renderPipeline}. */
export type RenderFormat = "yaml" | "json";

/** Options of {@link renderPipeline}. */
export interface RenderOptions {
  /** `yaml` (default) or `json`. */
  readonly format?: RenderFormat;
  /** The file the pipeline came from, named in the generated header. */
  readonly sourceFile?: string;
  /** Per-code severity overrides for the lint checks, as `sdk lint --rule`. */
  readonly rules?: RuleSettings;
  /**
   * Where task files are (the Pipeline's `artifacts`, `sdk render --artifact NAME=DIR`):
   * file tasks whose artifact it maps are checked against their task file, as `sdk lint`
   * does, and each `defineTask` declaration is compared with its file
   * (`task-declaration-drift`).
   */
  readonly taskFiles?: LintOptions["taskFiles"];
  /** How drift reports show where a declaration was written. @default as recorded */
  readonly showDeclaredIn?: (declaredIn: string) => string;
  /** The Concourse version to check for, as `sdk lint --concourse`; the newest by default. */
  readonly concourse?: ConcourseVersion | undefined;
}

/** What {@link renderPipeline} returns. */
export interface RenderResult {
  /** The rendered text; empty when there are errors. */
  readonly text: string;
  /** The config model. */
  readonly config: PipelineConfig;
  /**
   * Every problem found: errors first, then warnings, each in file and line order. One
   * about a builder object carries the user's `file:line:column` that made it.
   */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Renders a pipeline, collecting every problem. The text is produced only when there is
 * no error, so that a rendered pipeline is one Concourse accepts: after the builders' own
 * checks, the config goes through the same validation as `sdk lint` (Concourse's rules and
 * contrail's), whose errors stop the render and whose warnings are returned.
 */
export function renderPipeline(pipeline: Pick<Pipeline, "synth">, options: RenderOptions = {}): RenderResult {
  const { config, diagnostics: synthDiagnostics, fileTasks, escapeHatches, locate } = pipeline.synth();
  const diagnostics = [...synthDiagnostics, ...escapeHatchDiagnostics(escapeHatches).map(locate)];
  const taskFiles: TaskFileSource | undefined = typeof options.taskFiles === "function" ? options.taskFiles(config) : options.taskFiles;
  if (taskFiles) {
    const show = options.showDeclaredIn;
    diagnostics.push(...taskDeclarationDrift(fileTasks, taskFiles, show ? { showDeclaredIn: show } : {}));
  }
  // A broken reference is reported once, by the builders, with the step's path; linting
  // the half-built config would only repeat it in other words.
  if (!hasErrors(diagnostics)) {
    // Typed resources already checked their config while building; lint runs the same
    // rules on the config, so the same finding is kept once.
    const seen = new Set(diagnostics.map((d) => `${d.code} ${d.path}`));
    const lintOptions: LintOptions = { ...(options.rules ? { rules: options.rules } : {}), taskFiles, concourse: options.concourse };
    for (const d of lintConfig(config, lintOptions)) {
      if (!seen.has(`${d.code} ${d.path}`)) diagnostics.push(locate(d));
    }
  }
  if (hasErrors(diagnostics)) return { text: "", config, diagnostics: sortDiagnostics(diagnostics) };
  const text = options.format === "json" ? toJson(config) : toYaml(config, { header: generatedHeader(options.sourceFile) });
  return { text, config, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Renders a pipeline to YAML (or JSON), throwing a {@link ContrailError} that lists every
 * error when there is any.
 *
 * @example
 * writeFileSync("pipeline.yml", render(pipeline));
 */
export function render(pipeline: Pipeline, options: RenderOptions = {}): string {
  const result = renderPipeline(pipeline, options);
  if (hasErrors(result.diagnostics)) throw new ContrailError(result.diagnostics);
  return result.text;
}
