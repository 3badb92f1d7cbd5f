/**
 * The worker of load/pretranspile.ts: reads one pipeline.ts, transpiles it with the bundled
 * sucrase as load/transpile.ts would, posts what it read and made, and signals the main
 * thread, which may be waiting. Built into dist/load/pretranspile-worker.cjs.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { workerData } from "node:worker_threads";
import type { PretranspiledMessage, PretranspileWork } from "./pretranspile.ts";
import { NEEDS_BABEL, type SucraseTransform, sucraseTransform } from "./sucrase-transform.ts";

const { filePath, state, port } = workerData as PretranspileWork;
// jiti's loader always asks for a source map (load/load-pipeline.ts).
const base = { filePath, ts: true, sourceMap: true } as const;
let message: PretranspiledMessage = base;
try {
  const source = readFileSync(filePath, "utf8");
  message = { ...base, source };
  // What goes to Babel is left to the main thread.
  if (!NEEDS_BABEL.test(source)) {
    const bundled = fileURLToPath(new URL("../vendor/sucrase.cjs", import.meta.url));
    const { transform } = createRequire(bundled)(bundled) as { transform: SucraseTransform };
    message = { ...message, code: sucraseTransform(transform, { source, filePath, ts: true, sourceMap: true }) };
  }
} catch {
  // Unreadable or unparsable: the main thread transpiles in place (and reports it).
} finally {
  port.postMessage(message);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
}
