/**
 * The messages between {@link loadIsolated} and its worker (load-worker.ts): plain,
 * structured-cloneable data only.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PipelineConfig } from "../model/pipeline.ts";
import type { RenderOptions, RenderResult } from "../render/render.ts";

/** What the worker is asked to load. */
export interface WorkerRequest {
  /** The pipeline file, as the user gave it. */
  readonly file: string;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** The environment the user's code sees. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Two Int32 slots: [1 when the user's code called process.exit, its code]. */
  readonly exitFlag: SharedArrayBuffer;
  /** Also render each pipeline with these options, so that the CLI need not load the renderer. */
  readonly render?: RenderOptions | undefined;
}

/** One exported pipeline, synthesized. */
export interface SynthesizedExport {
  readonly name: string;
  readonly exportName: string;
  readonly synth: { readonly config: PipelineConfig; readonly diagnostics: readonly Diagnostic[] };
  /** The render, when the request asked for one. */
  readonly rendered?: RenderResult | undefined;
}

/** The worker's one answer. */
export type WorkerReply =
  | { readonly kind: "loaded"; readonly pipelines: readonly SynthesizedExport[] }
  | { readonly kind: "error"; readonly message: string; readonly exitCode: number };
