/**
 * Reads the pipeline `sdk graph` draws: a `pipeline.ts` (rendered in memory) or a pipeline
 * YAML/JSON file (read with the linter's Concourse-faithful YAML 1.1 loader).
 */
import { basename, isAbsolute, relative, resolve } from "node:path";
import { CliError, ExitCode } from "../cli/command.ts";
import type { Io } from "../cli/io.ts";
import { DEFAULT_MAX_SIZE_MB, readSource } from "../cli/read-source.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { lintYaml } from "../lint/index.ts";
import type { PipelineConfig } from "../model/index.ts";

/** A pipeline to draw. */
export interface GraphInput {
  readonly config: PipelineConfig;
  /** The title of the drawing: the pipeline's name, else the file's name. */
  readonly title: string;
  /** How many errors the checks found (the graph is drawn all the same). */
  readonly errors: number;
}

const SCRIPT = /\.[cm]?[jt]sx?$/;

/** Loads `file`; `pipeline` picks one of several exported pipelines. */
export async function loadGraphInput(file: string, io: Io, pipeline?: string, loadTimeoutMs?: number): Promise<GraphInput> {
  const path = isAbsolute(file) ? file : resolve(io.cwd, file);
  const shown = relative(io.cwd, path) || file;
  if (!io.exists(path)) throw new CliError(`sdk graph: no such file: ${shown}`, ExitCode.usage);
  if (SCRIPT.test(path)) return loadScript(shown, io, pipeline, loadTimeoutMs);
  if (pipeline !== undefined) throw new CliError("sdk graph: --pipeline is for .ts files; a YAML file holds one pipeline", ExitCode.usage);
  const source = readSource(io, "graph", path, shown, DEFAULT_MAX_SIZE_MB * 1024 * 1024);
  if (source.invalid) throw new CliError(`sdk graph: ${shown}:${source.invalid.line}:${source.invalid.column}: ${source.invalid.message}`);
  const { config, diagnostics } = lintYaml(source.text, { file: shown });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!config) {
    const first = errors[0];
    throw new CliError(`sdk graph: ${shown} is not a pipeline${first ? `: ${where(first)}${first.message}` : ""}`);
  }
  return { config, title: basename(path).replace(/\.(ya?ml|json)$/, ""), errors: errors.length };
}

async function loadScript(file: string, io: Io, wanted?: string, loadTimeoutMs?: number): Promise<GraphInput> {
  const { loadIsolated } = await import("../cli/load-isolated.ts");
  const loaded = await loadIsolated(file, io, loadTimeoutMs);
  const match = wanted === undefined ? loaded[0] : loaded.find((p) => p.name === wanted || p.exportName === wanted);
  if (!match) {
    throw new CliError(
      `sdk graph: ${file} exports no pipeline named '${wanted}'; it exports: ${loaded.map((p) => p.name).join(", ")}`,
      ExitCode.usage,
    );
  }
  const { config, diagnostics } = match.pipeline.synth();
  const title = match.name === "default" ? basename(file).replace(SCRIPT, "") : match.name;
  return {
    config,
    title: title === "pipeline" ? basename(resolve(io.cwd, file, "..")) : title,
    errors: diagnostics.filter((d) => d.severity === "error").length,
  };
}

function where(d: Diagnostic): string {
  return d.line === undefined ? "" : `line ${d.line}: `;
}
