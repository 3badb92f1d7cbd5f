/**
 * Render's comparison of each {@link defineTask} declaration with its task file, when the
 * artifact holding the file is mapped to a local folder: a declaration that no longer
 * matches the file is an error whose message is a diff, declared against file, naming both
 * files. A file that cannot be read is left to the task-file checks; an unmapped artifact
 * is not checked.
 *
 * @see https://concourse-ci.org/task-step.html#schema.task.file
 */
import type { FileTaskUse } from "../builders/file-task.ts";
import { shapeOfTaskFile } from "../builders/task-file-shape.ts";
import { diffTaskShapes, formatShapeDiff } from "../builders/task-shape-diff.ts";
import { type Diagnostic, formatPath } from "../diagnostics/diagnostic.ts";
import type { TaskFileSource } from "../task-file/index.ts";

/** Options of {@link taskDeclarationDrift}. */
export interface DriftOptions {
  /** How to show where a declaration was written (e.g. relative to the working directory). */
  readonly showDeclaredIn?: (declaredIn: string) => string;
}

/** One diagnostic per step whose declaration differs from its file (each file compared once). */
export function taskDeclarationDrift(uses: readonly FileTaskUse[], source: TaskFileSource, options: DriftOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const diffs = new Map<string, string>();
  for (const use of uses) {
    const shape = use.declaration.shape;
    const found = source.lookup(`${use.artifactName}/${shape.file.replace(/^\.?\/+/, "")}`);
    if (found?.kind !== "resolved" || found.taskFile.config === undefined) continue;
    const declaredIn = use.declaration.declaredIn;
    const key = `${found.path}\n${declaredIn ?? ""}\n${JSON.stringify(shape)}`;
    let diff = diffs.get(key);
    if (diff === undefined) {
      const file = shapeOfTaskFile(
        shape.file,
        found.taskFile.config,
        found.taskFile.vars.map((v) => v.name),
      );
      diff = formatShapeDiff(diffTaskShapes(shape, file));
      diffs.set(key, diff);
    }
    if (diff === "") continue;
    const where = declaredIn === undefined ? "the declaration" : `the declaration at ${options.showDeclaredIn?.(declaredIn) ?? declaredIn}`;
    out.push({
      code: "task-declaration-drift",
      severity: "error",
      message: `${where} no longer matches the task file ${found.path} (- declared, + file):\n${diff}`,
      path: formatPath(use.path),
      hint: "Regenerate the declarations with `sdk import` of the task files (the declarations' first line says how), or fix the file.",
    });
  }
  return out;
}
