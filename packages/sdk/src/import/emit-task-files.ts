/**
 * `sdk import` of task config files: one TypeScript module of typed declarations
 * (`export const unit = defineTask({...})`), one const per file, named after the file, so
 * that steps running them (`new FileTask(...)`) are checked at compile time and render can
 * compare each declaration with its file.
 *
 * @see https://concourse-ci.org/tasks.html
 */

import type { TaskFileShape } from "../builders/task-declaration.ts";
import { shapeOfTaskFile } from "../builders/task-file-shape.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { lintTaskFile, looksLikeTaskConfig } from "../task-file/index.ts";
import { arr, call, type Expr, obj, str } from "./expr.ts";
import { printExportConst, printImport } from "./format.ts";
import { NameAllocator } from "./names.ts";

/** A task file to declare. */
export interface TaskFileInput {
  /** The file as the user named it, for diagnostics and comments. */
  readonly shown: string;
  /** Its path inside the artifact that holds it, e.g. `ci/tasks/unit.yml`. */
  readonly file: string;
  /** Its text. */
  readonly text: string;
}

/** A declaration to write, by {@link emitTaskDeclarations}. */
export interface TaskDeclarationSource {
  /** The const's name. */
  readonly name: string;
  /** The file it declares, as the user named it (for the TSDoc line). */
  readonly shown: string;
  readonly shape: TaskFileShape;
}

/** What {@link importTaskFiles} returns. */
export interface TaskFilesImport {
  /** The module's text; empty when no file could be declared. */
  readonly source: string;
  /** The declarations written, in order. */
  readonly declarations: readonly TaskDeclarationSource[];
  /** Files that are not task configs, or do not parse. */
  readonly diagnostics: Diagnostic[];
}

/** Reads each task file and writes one module declaring them all; `header` is its first comment. */
export async function importTaskFiles(files: readonly TaskFileInput[], header: string): Promise<TaskFilesImport> {
  const diagnostics: Diagnostic[] = [];
  const names = new NameAllocator();
  names.reserve("defineTask");
  const declarations: TaskDeclarationSource[] = [];
  // Two files of one base name (`a/unit.yml`, `b/unit.yml`) are both named by their path.
  const counts = new Map<string, number>();
  for (const input of files) counts.set(baseName(input.file), (counts.get(baseName(input.file)) ?? 0) + 1);
  for (const input of files) {
    if (!looksLikeTaskConfig(input.text)) {
      diagnostics.push({
        code: "import-not-a-task-file",
        severity: "warning",
        message: "not a task config (no platform or run at the top); skipped",
        path: "",
        file: input.shown,
      });
      continue;
    }
    // Read as a build reads it. Its problems are the file's, reported as warnings: the
    // declaration is still written from what could be read; one that cannot be decoded is skipped.
    const taskFile = lintTaskFile(input.text, { file: input.shown });
    diagnostics.push(...taskFile.diagnostics.map((d) => ({ ...d, severity: "warning" as const })));
    if (taskFile.config === undefined) continue;
    const base = baseName(input.file);
    const name = names.allocate((counts.get(base) ?? 0) > 1 ? input.file.replace(/\.ya?ml$/i, "") : base, "Task");
    declarations.push({
      name,
      shown: input.shown,
      shape: shapeOfTaskFile(
        input.file,
        taskFile.config,
        taskFile.vars.map((v) => v.name),
      ),
    });
  }
  const source = declarations.length === 0 ? "" : emitTaskDeclarations(declarations, header);
  return { source, declarations, diagnostics };
}

/** The module text for `declarations`. */
export function emitTaskDeclarations(declarations: readonly TaskDeclarationSource[], header: string): string {
  const parts = [`// ${header.replace(/\s+/g, " ")}`, printImport(["defineTask"], "contrail")];
  for (const d of declarations)
    parts.push(`/** Declares the task file \`${d.shown}\`. */\n${printExportConst(d.name, shapeExpr(d.shape))}`);
  return `${parts.join("\n\n")}\n`;
}

/** `defineTask({...})` for a shape. */
export function shapeExpr(shape: TaskFileShape): Expr {
  const props: [string, Expr][] = [["file", str(shape.file)]];
  const presence = (map: Readonly<Record<string, string>>) => obj(Object.entries(map).map(([k, v]) => [k, str(v)] as const));
  if (shape.inputs) props.push(["inputs", presence(shape.inputs)]);
  if (shape.outputs) props.push(["outputs", arr(shape.outputs.map(str))]);
  if (shape.params) props.push(["params", presence(shape.params)]);
  if (shape.vars) props.push(["vars", arr(shape.vars.map(str))]);
  return call("defineTask", obj(props));
}

/** `ci/tasks/unit-tests.yml` → `unit-tests`. */
function baseName(file: string): string {
  return (file.split("/").pop() ?? file).replace(/\.ya?ml$/i, "");
}
