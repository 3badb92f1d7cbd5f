/**
 * Reads the pipeline `sdk graph` draws: a `pipeline.ts` (rendered in memory) or a pipeline
 * YAML/JSON file (read with the linter's Concourse-faithful YAML 1.1 loader).
 */
import { basename, isAbsolute, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CliError, ExitCode } from "../io/errors.ts";
import type { Io } from "../io/io.ts";
import { DEFAULT_MAX_SIZE_MB, readSource } from "../io/read-source.ts";
import { ioTaskFileSource } from "../io/task-file-source.ts";
import { type LintOptions, lintYaml } from "../lint/index.ts";
import { pipelineArtifacts } from "../load/pipeline-artifacts.ts";
import type { PipelineConfig } from "../model/index.ts";
import type { TaskFileSource } from "../task-file/source.ts";
import { interpolateConfig } from "../vars/config.ts";
import type { VarSources } from "../vars/sources.ts";

/** A pipeline to draw. */
export interface GraphInput {
  readonly config: PipelineConfig;
  /** The title of the drawing: the pipeline's name, else the file's name. */
  readonly title: string;
  /** How many errors the checks found (the graph is drawn all the same). */
  readonly errors: number;
  /** Where task files were read from, when an artifact's folder is known. */
  readonly taskFiles?: TaskFileSource | undefined;
}

/** The option called once per config, so that a source (and its notes) is made once. */
function once(taskFiles: LintOptions["taskFiles"]): (config: PipelineConfig) => TaskFileSource | undefined {
  const made = new Map<PipelineConfig, TaskFileSource | undefined>();
  return (config) => {
    if (!made.has(config)) made.set(config, typeof taskFiles === "function" ? taskFiles(config) : taskFiles);
    return made.get(config);
  };
}

const SCRIPT = /\.[cm]?[jt]sx?$/;

/** What {@link loadGraphInput} reads a pipeline with, besides its file. */
export interface GraphLoadOptions {
  /** Picks one of several exported pipelines. */
  readonly pipeline?: string | undefined;
  /** fly's var flags: the pipeline is drawn as `fly set-pipeline` with these vars would send it. */
  readonly vars?: VarSources | undefined;
  /** Lets the checks follow file tasks into their task files (`sdk graph --artifact`). */
  readonly taskFiles?: LintOptions["taskFiles"];
  /** How long a pipeline.ts may take to load (`--load-timeout`). */
  readonly loadTimeoutMs?: number | undefined;
}

/** Loads `file` (a pipeline.ts, or pipeline YAML/JSON) to draw it. */
export async function loadGraphInput(file: string, io: Io, options: GraphLoadOptions = {}): Promise<GraphInput> {
  const { pipeline, vars, taskFiles, loadTimeoutMs } = options;
  const path = isAbsolute(file) ? file : resolve(io.cwd, file);
  const shown = relative(io.cwd, path) || file;
  if (!io.exists(path)) throw new CliError(`sdk graph: no such file: ${shown}`, ExitCode.usage);
  const source = once(taskFiles);
  if (SCRIPT.test(path)) return loadScript(shown, io, pipeline, source, vars, loadTimeoutMs);
  if (pipeline !== undefined) throw new CliError("sdk graph: --pipeline is for .ts files; a YAML file holds one pipeline", ExitCode.usage);
  const read = readSource(io, "graph", path, shown, DEFAULT_MAX_SIZE_MB * 1024 * 1024);
  if (read.invalid) throw new CliError(`sdk graph: ${shown}:${read.invalid.line}:${read.invalid.column}: ${read.invalid.message}`);
  const { config, diagnostics } = lintYaml(read.text, { file: shown, taskFiles: source, vars });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!config) {
    const first = errors[0];
    throw new CliError(`sdk graph: ${shown} is not a pipeline${first ? `: ${where(first)}${first.message}` : ""}`);
  }
  return { config, title: basename(path).replace(/\.(ya?ml|json)$/, ""), errors: errors.length, taskFiles: source(config) };
}

async function loadScript(
  file: string,
  io: Io,
  wanted: string | undefined,
  source: (config: PipelineConfig) => TaskFileSource | undefined,
  vars: VarSources | undefined,
  loadTimeoutMs: number | undefined,
): Promise<GraphInput> {
  const { loadPipelines } = await import("../load/load-pipeline.ts");
  const loaded = await loadPipelines(file, io, loadTimeoutMs);
  const match = wanted === undefined ? loaded[0] : loaded.find((p) => p.name === wanted || p.exportName === wanted);
  if (!match) {
    throw new CliError(
      `sdk graph: ${file} exports no pipeline named '${wanted}'; it exports: ${loaded.map((p) => p.name).join(", ")}`,
      ExitCode.usage,
    );
  }
  const synth = match.pipeline.synth();
  const filled = vars ? interpolateConfig(synth.config, vars) : undefined;
  const config = filled?.config ?? synth.config;
  const title = match.name === "default" ? basename(file).replace(SCRIPT, "") : match.name;
  // The Pipeline's own `artifacts`, under the folders --artifact (or the checkout) gives.
  const given = source(synth.config);
  const own = pipelineArtifacts(io, file, match.pipeline, given?.artifacts ?? {});
  const taskFiles = Object.keys(own).length === Object.keys(given?.artifacts ?? {}).length ? given : ioTaskFileSource(io, own);
  return {
    config,
    title: title === "pipeline" ? basename(resolve(io.cwd, file, "..")) : title,
    errors: synth.diagnostics.filter((d) => d.severity === "error").length + (filled?.problems.length ?? 0),
    taskFiles,
  };
}

function where(d: Diagnostic): string {
  return d.line === undefined ? "" : `line ${d.line}: `;
}
