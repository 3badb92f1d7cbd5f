/**
 * The artifacts' local folders for a pipeline.ts: the Pipeline's own `artifacts` (relative
 * to the pipeline file's folder), then `--artifact NAME=DIR` (relative to the working
 * directory), which wins for a name given both ways.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import type { Pipeline } from "../builders/pipeline.ts";
import type { Io } from "./io.ts";

/** Artifact name to absolute folder, for the pipeline exported by `file`. */
export function pipelineArtifacts(
  io: Io,
  file: string,
  pipeline: Pipeline,
  flags: Readonly<Record<string, string>>,
): Record<string, string> {
  const base = dirname(isAbsolute(file) ? file : resolve(io.cwd, file));
  const out: Record<string, string> = {};
  for (const [name, dir] of Object.entries(pipeline.props.artifacts ?? {})) out[name] = resolve(base, dir);
  return { ...out, ...flags };
}
