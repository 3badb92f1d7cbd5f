/**
 * The first run's transpiling worker (load/pretranspile.ts): its answer is used only for
 * the file and source jiti read, with the same options; anything else (another source, a
 * worker that fails or never answers) leaves the file to be transpiled in place. The bin
 * starts it only when the CLI's code cache is missing, and the YAML is the same either way.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startPretranspile, takePretranspiled } from "../../../packages/sdk/src/load/pretranspile.ts";
import { repoRoot } from "../../helpers/paths.ts";
import { runSdk } from "../../helpers/run-sdk.ts";

let scratch = "";
beforeEach(() => {
  scratch = fs.mkdtempSync(join(tmpdir(), "contrail-pretranspile-"));
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A stand-in worker that answers with `message` (as JSON-able code) and signals, or not. */
function fakeWorker(body: string): string {
  const file = join(scratch, "worker.cjs");
  fs.writeFileSync(
    file,
    `const { workerData } = require("node:worker_threads");\nconst { filePath, state, port } = workerData;\n${body}\n`,
  );
  return file;
}
const SIGNAL = "Atomics.store(state, 0, 1); Atomics.notify(state, 0);";

function pipelineFile(source = "export default 1;\n"): string {
  const file = join(scratch, "pipeline.ts");
  fs.writeFileSync(file, source);
  return file;
}

const input = (filePath: string, source = "export default 1;\n") => ({ source, filePath, ts: true, sourceMap: true });

describe("the pretranspiled answer", () => {
  it("is the worker's code when it transpiled the same source of the same file with the same options", () => {
    const file = pipelineFile();
    startPretranspile(
      file,
      fakeWorker(
        `port.postMessage({ filePath, source: require("node:fs").readFileSync(filePath, "utf8"), ts: true, sourceMap: true, code: "made ahead" }); ${SIGNAL}`,
      ),
    );
    expect(takePretranspiled(input(file))).toBe("made ahead");
    // Taken once: a second transpile of the file is done in place.
    expect(takePretranspiled(input(file))).toBeUndefined();
  });

  it("is not used when the source jiti read differs (the file changed), or the options do", () => {
    const file = pipelineFile();
    const worker = fakeWorker(
      `port.postMessage({ filePath, source: "export default 1;\\n", ts: true, sourceMap: true, code: "stale" }); ${SIGNAL}`,
    );
    startPretranspile(file, worker);
    expect(takePretranspiled(input(file, "export default 2;\n"))).toBeUndefined();
    startPretranspile(file, worker);
    expect(takePretranspiled({ ...input(file), sourceMap: false })).toBeUndefined();
  });

  it("is not there for another file, for a worker that failed, or one that never answers", () => {
    const file = pipelineFile();
    startPretranspile(file, fakeWorker(`port.postMessage({ filePath, ts: true, sourceMap: true }); ${SIGNAL}`));
    expect(takePretranspiled(input(join(scratch, "other.ts")))).toBeUndefined();
    expect(takePretranspiled(input(file))).toBeUndefined();
    startPretranspile(file, fakeWorker('throw new Error("broken worker");'));
    const start = Date.now();
    expect(takePretranspiled(input(file), 200)).toBeUndefined();
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it("is not asked of a worker for what is not a regular .ts file", () => {
    const worker = fakeWorker(`port.postMessage({ filePath, ts: true, sourceMap: true, code: "x" }); ${SIGNAL}`);
    for (const path of [scratch, join(scratch, "missing.ts"), join(scratch, "pipeline.js")]) {
      startPretranspile(path, worker);
      expect(takePretranspiled(input(path))).toBeUndefined();
    }
  });
});

describe("sdk render on a first run", () => {
  it("transpiles the pipeline.ts ahead on another thread, and renders the same YAML as in place", async () => {
    const blog = join(repoRoot, "packages/examples/blog/pipeline.ts");
    const cache = join(scratch, "cache");
    const env = { CONTRAIL_CACHE_DIR: cache, CONTRAIL_DEBUG: "1" };
    const first = await runSdk(["render", blog], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`contrail: ${blog} transpiled ahead, on another thread`);
    // The code cache's place is taken now (a placeholder), so no worker: with jiti's
    // transpiled file gone, the pipeline.ts is transpiled in place.
    for (const name of fs.readdirSync(cache)) if (!name.startsWith("code-")) fs.rmSync(join(cache, name));
    const second = await runSdk(["render", blog], { env });
    expect(second.stderr).toContain(`contrail: ${blog} transpiled in place`);
    expect(second.stdout).toBe(first.stdout);
  });
});
