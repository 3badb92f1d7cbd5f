/**
 * Task files (`file: NAME/ci/task.yml`) read through an {@link Io}, so that lint, render,
 * graph and import follow file tasks with the same reads (and the same fakes in tests).
 */
import type { RuleSettings } from "../lint/codes.ts";
import { type TaskFileSource, taskFileSource } from "../task-file/source.ts";
import type { Io } from "./io.ts";

/** A task-file source over `io`, with each artifact name's absolute folder. */
export function ioTaskFileSource(io: Io, artifacts: Readonly<Record<string, string>>, rules?: RuleSettings): TaskFileSource {
  return taskFileSource({
    artifacts,
    cwd: io.cwd,
    readFile: (path) => io.readFile(path),
    exists: (path) => io.exists(path),
    ...(io.realPath ? { realPath: (path: string) => (io.realPath as (p: string) => string)(path) } : {}),
    ...(rules ? { rules } : {}),
  });
}
