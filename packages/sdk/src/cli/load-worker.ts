/**
 * The worker side of {@link loadIsolated}: loads a pipeline.ts with {@link loadPipelines},
 * synthesizes every exported pipeline and posts plain data (names, config, diagnostics)
 * back. Runs in a worker thread, so that the user's code cannot end, hang or write to the
 * stdout of contrail itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import { renderPipeline } from "../render/render.ts";
import { CliError } from "./command.ts";
import { nodeIo } from "./io.ts";
import { loadPipelines } from "./load-pipeline.ts";
import type { WorkerReply, WorkerRequest } from "./load-protocol.ts";

const request = workerData as WorkerRequest;
const exitFlag = new Int32Array(request.exitFlag);

// process.exit() in a worker ends only the worker; recording the call tells the parent that
// the user's code exited, rather than that its top-level await left nothing to run.
const realExit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  Atomics.store(exitFlag, 0, 1);
  Atomics.store(exitFlag, 1, Number(code ?? process.exitCode ?? 0) | 0);
  return realExit(code as number | undefined);
}) as typeof process.exit;

/** Resolves once what the user's code wrote to `stream` has been handed to the parent. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

async function post(reply: WorkerReply): Promise<void> {
  // The parent stops the worker on this reply: output still in flight would be lost.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  parentPort?.postMessage(reply);
}

try {
  const io = { ...nodeIo(), cwd: request.cwd, env: request.env };
  const loaded = await loadPipelines(request.file, io);
  const render = request.render;
  const pipelines = loaded.map(({ name, exportName, pipeline }) => ({
    name,
    exportName,
    synth: pipeline.synth(),
    ...(render ? { rendered: renderPipeline(pipeline, render) } : {}),
  }));
  try {
    await post({ kind: "loaded", pipelines });
  } catch {
    // A function or symbol that a user's `extra` put into the config cannot be cloned; JSON
    // drops it, as Concourse, which reads JSON, would never see it either.
    await post({ kind: "loaded", pipelines: JSON.parse(JSON.stringify(pipelines)) });
  }
} catch (error) {
  if (error instanceof CliError) await post({ kind: "error", message: error.message, exitCode: error.exitCode });
  else {
    const message = error instanceof Error ? error.message : String(error);
    await post({ kind: "error", message: `error: ${request.file} failed while being rendered: ${message}`, exitCode: 1 });
  }
}
