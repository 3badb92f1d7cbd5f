/**
 * The artifacts' local folders for a pipeline.ts: the Pipeline's own `artifacts` (relative
 * to the pipeline file's folder), then `--artifact NAME=DIR` (relative to the working
 * directory), which wins for a name given both ways.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import type { Pipeline } from "../builders/pipeline.ts";
import type { Io } from "../io/io.ts";

/** Artifact name to absolute folder, for the pipeline exported by `file`. */
export function pipelineArtifacts(
  io: Io,
  file: string,
  pipeline: Pipeline,
  flags: Readonly<Record<string, string>>,
): Record<string, string> {
  const base = dirname(isAbsolute(file) ? file : resolve(io.cwd, file));
  const out: Record<string, string> = {};
  // Names are data: `__proto__` is a name like any other.
  for (const [name, dir] of Object.entries(pipeline.props.artifacts ?? {}))
    Object.defineProperty(out, name, { value: resolve(base, dir), enumerable: true, writable: true, configurable: true });
  return { ...out, ...flags };
}
