/**
 * Rendering for the fly commands (`sdk set`, `sdk validate`, `sdk diff`): picks the exported
 * pipeline(s), renders each to YAML, lints the YAML as Concourse would read it, and prints
 * every problem, so that only pipelines Concourse accepts are handed to fly.
 *
 * @see https://concourse-ci.org/setting-pipelines.html
 */
import { relative } from "node:path";
import { type Diagnostic, formatDiagnosticLine, hasErrors } from "../diagnostics/diagnostic.ts";
import type { Io } from "../io/io.ts";
import type { ConcourseVersion } from "../lint/concourse-version.ts";
import { lintYaml } from "../lint/index.ts";
import { type LoadedPipeline, loadPipelines } from "../load/load-pipeline.ts";
import { pipelineArtifacts } from "../load/pipeline-artifacts.ts";
import type { PipelineConfig } from "../model/pipeline.ts";
import { generatedHeader } from "../render/header.ts";
import { renderPipeline } from "../render/render.ts";
import { toYaml } from "../render/to-yaml.ts";
import type { VarSources } from "../vars/sources.ts";
import { paletteFor } from "./colour.ts";
import { CliError, ExitCode, UsageError } from "./command.ts";
import { checkPipelineNames } from "./pipeline-names.ts";
import { formatRenderDiagnostics } from "./report.ts";
import { sourceName } from "./source-name.ts";
import { TaskFileSession } from "./task-file-session.ts";

/** One exported pipeline, rendered. */
export interface RenderedForFly {
  /** The pipeline's name (its `name` option, else the export's name). */
  readonly name: string;
  /** The rendered YAML; produced despite errors only under `force`. */
  readonly text: string;
  /** The config model. */
  readonly config: PipelineConfig;
  /** True when render or lint found an error. */
  readonly failed: boolean;
  /** How many warnings render and lint found. */
  readonly warnings: number;
}

/** Options of {@link renderForFly}. */
export interface RenderForFlyOptions {
  /** The export to use (`--pipeline`). */
  readonly pipeline?: string | undefined;
  /** Every export (`--all`); otherwise a file exporting several needs `pipeline`. */
  readonly all?: boolean | undefined;
  /** Render even with errors (`--force`). */
  readonly force?: boolean | undefined;
  /** Also lint the rendered YAML. */
  readonly lint: boolean;
  /** The Concourse version to check for (`--concourse`); the newest by default. */
  readonly concourse?: ConcourseVersion | undefined;
  /** The vars fly will be given: the rendered YAML is linted with them filled in. */
  readonly vars?: VarSources | undefined;
  /** The load time limit of FILE, in milliseconds (`--load-timeout`). */
  readonly loadTimeoutMs?: number | undefined;
}

/**
 * Loads `file`, renders the selected pipelines and prints their problems to stderr.
 * Pipelines with errors come back with `failed` set (and with text only under `force`).
 */
export async function renderForFly(command: string, file: string, io: Io, options: RenderForFlyOptions): Promise<RenderedForFly[]> {
  const loaded = await loadPipelines(file, io, options.loadTimeoutMs);
  const selected = selectPipelines(command, file, loaded, options);
  const sourceFile = sourceName(io, file);
  // The task files of a pipeline.ts's `artifacts` (and its checkout), as `sdk render` reads them.
  const taskFiles = new TaskFileSession(io, {});
  return selected.map(({ name, pipeline }) => {
    const label = selected.length > 1 || loaded.length > 1 ? `${file} (${name})` : file;
    const result = renderPipeline(pipeline, {
      format: "yaml",
      sourceFile,
      concourse: options.concourse,
      taskFiles: taskFiles.forPipeline(file, pipelineArtifacts(io, file, pipeline, {})),
      showDeclaredIn: (at: string) => relative(io.cwd, at) || at,
    });
    io.stderr(formatRenderDiagnostics(label, result.diagnostics, io, paletteFor(io, "stderr")));
    let failed = hasErrors(result.diagnostics);
    let text = result.text;
    let warnings = countWarnings(result.diagnostics);
    if (failed && options.force) text = toYaml(result.config, { header: generatedHeader(sourceFile) });
    if (text !== "" && options.lint) {
      const seen = new Set(result.diagnostics.map((d) => `${d.code} ${d.path}`));
      const lint = lintYaml(text, {
        file: `${label} (rendered YAML)`,
        concourse: options.concourse,
        vars: options.vars,
      }).diagnostics.filter((d) => !seen.has(`${d.code} ${d.path}`));
      io.stderr(formatLintDiagnostics(lint));
      failed ||= hasErrors(lint);
      warnings += countWarnings(lint);
    }
    return { name, text: failed && !options.force ? "" : text, config: result.config, failed, warnings };
  });
}

function countWarnings(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === "warning").length;
}

function formatLintDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.length === 0 ? "" : `${diagnostics.map(formatDiagnosticLine).join("\n")}\n`;
}

/** Refuses (exit 1) when a pipeline has errors; under `--force` says that it goes on anyway. */
export function refuseOnErrors(
  io: Io,
  command: string,
  file: string,
  rendered: readonly RenderedForFly[],
  force: boolean | undefined,
): void {
  const names = rendered
    .filter((r) => r.failed)
    .map((r) => r.name)
    .join(", ");
  if (names === "") return;
  if (force) {
    io.stderr(`sdk ${command}: --force: going on with ${names} despite the errors above.\n`);
    return;
  }
  throw new CliError(
    `sdk ${command}: ${file}: ${names} has errors (above); fix them and run again, or give --force to use the rendered YAML anyway.`,
    ExitCode.problems,
  );
}

function selectPipelines(command: string, file: string, loaded: readonly LoadedPipeline[], options: RenderForFlyOptions): LoadedPipeline[] {
  const names = loaded.map((p) => p.name);
  if (options.pipeline !== undefined) {
    const match = loaded.find((p) => p.name === options.pipeline || p.exportName === options.pipeline);
    if (!match) {
      throw new CliError(`error: ${file} exports no pipeline named '${options.pipeline}'. It exports: ${names.join(", ")}`, ExitCode.usage);
    }
    return [match];
  }
  if (loaded.length > 1 && !options.all) {
    throw new UsageError(
      `sdk ${command}: ${file} exports ${loaded.length} pipelines (${names.join(", ")}); pick one with --pipeline NAME${command === "set" ? ", or give --all to set each under its own name" : ""}`,
    );
  }
  // --all sets each pipeline under its own name: check every name before fly sees one.
  if (options.all) checkPipelineNames(command, file, loaded);
  return [...loaded];
}
