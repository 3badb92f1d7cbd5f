/**
 * What a file task's step and its task file must agree on, once the file is found: the
 * step's `params` the file declares, the `vars` the step gives and the file uses, the
 * `run.path` inside a mapped input; and the file's own problems, reported once per file,
 * naming the step that uses it. Inputs and outputs go through the flow analysis of
 * `unknown-artifact` (artifacts.ts).
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/exec/task_config_source.go
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/exec/task_step.go
 */
import type { Diagnostic, PathSegment } from "../../diagnostics/diagnostic.ts";
import type { TaskFile } from "../../task-file/lint-task-file.ts";
import type { ResolvedTaskFile, TaskFileSource } from "../../task-file/source.ts";
import type { FileLocation, Report } from "../validate/report.ts";
import { arr, type Obj, obj, text } from "../values.ts";

/** A task step that uses a task file. */
export interface FileTaskUse {
  readonly step: Obj;
  /** Our path of the step (`jobs.build.plan[1]`). */
  readonly path: readonly PathSegment[];
}

/** One input a task file declares, after the step's `input_mapping`. */
export interface FileTaskInput {
  readonly input: Obj;
  readonly name: string;
  /** The artifact the step gives it. */
  readonly artifact: string;
  /** Whether `input_mapping` renamed it. */
  readonly mapped: boolean;
  readonly optional: boolean;
  /** Its position in the file's `inputs`. */
  readonly index: number;
}

/** The place of a value of the task file (or of the file's start). */
export function inTaskFile(file: ResolvedTaskFile, target: object | undefined, key?: string): FileLocation {
  return { file: file.path, ...file.taskFile.locator.locate(target, key) };
}

/** `task 'unit' of job 'build'`: how messages name the step. */
export function stepLabel(use: FileTaskUse): string {
  const job = use.path[0] === "jobs" ? ` of job '${String(use.path[1])}'` : "";
  return `task '${text(use.step.task)}'${job}`;
}

/** The inputs of the task file, with the artifacts the step maps to them. */
export function fileTaskInputs(config: Obj, step: Obj): FileTaskInput[] {
  const mapping = obj(step.input_mapping) ?? {};
  return arr(config.inputs).flatMap((value, index) => {
    const input = obj(value);
    const name = text(input?.name);
    if (!input || name === "") return [];
    const mapped = Object.hasOwn(mapping, name) && typeof mapping[name] === "string";
    return [{ input, name, artifact: mapped ? text(mapping[name]) : name, mapped, optional: input.optional === true, index }];
  });
}

/** The artifacts the task file's outputs become, after the step's `output_mapping`. */
export function fileTaskOutputs(config: Obj, step: Obj): string[] {
  const mapping = obj(step.output_mapping) ?? {};
  return arr(config.outputs).flatMap((value) => {
    const name = text(obj(value)?.name);
    if (name === "") return [];
    return [Object.hasOwn(mapping, name) && typeof mapping[name] === "string" ? text(mapping[name]) : name];
  });
}

/**
 * Checks the step's params, vars and the run path against the task file. `seen` keeps
 * problems of the file itself (its run path in one artifact) to one report per run.
 */
export function checkFileTaskUse(
  use: FileTaskUse,
  file: ResolvedTaskFile,
  source: TaskFileSource,
  report: Report,
  seen: Set<string>,
): void {
  const config = file.taskFile.config as Obj | undefined;
  if (!config) return;
  const label = stepLabel(use);
  checkParams(use, file, config, label, report);
  checkVars(use, file, label, report);
  checkRunPath(use, file, config, source, label, report, seen);
}

function checkParams(use: FileTaskUse, file: ResolvedTaskFile, config: Obj, label: string, report: Report): void {
  const params = obj(use.step.params);
  if (!params) return;
  const declared = obj(config.params) ?? {};
  for (const key of Object.keys(params)) {
    if (Object.hasOwn(declared, key)) continue;
    // Concourse's own run-time warning (OverrideParamsConfigSource); the env var is set anyway.
    report.add({
      code: "task-param-not-declared",
      severity: "warning",
      message: `${key} was defined in pipeline but missing from task file (${label}, ${file.path})`,
      path: [...use.path, "params", key],
      at: inTaskFile(file, obj(config.params) ? config : undefined, obj(config.params) ? "params" : undefined),
      hint: `declare ${key} under params: in ${file.path} (with a default, or empty), or drop it from the step`,
    });
  }
}

function checkVars(use: FileTaskUse, file: ResolvedTaskFile, label: string, report: Report): void {
  const given = obj(use.step.vars);
  const used = new Set(file.taskFile.vars.map((v) => v.name));
  if (given) {
    for (const key of Object.keys(given)) {
      if (used.has(key)) continue;
      report.warning(
        "task-var-unused",
        `${label} gives var '${key}', but its task file ${file.path} never uses ((${key}))`,
        [...use.path, "vars", key],
        given,
        key,
        "drop the var, or use it in the task file; Concourse ignores vars a task file does not use",
      );
    }
  }
  // A var the step's vars do not give is looked up in the credential manager, which lint
  // cannot see; it is reported only when the step gives vars (and so means to fill the file).
  if (!given) return;
  const seen = new Set<string>();
  for (const v of file.taskFile.vars) {
    if (Object.hasOwn(given, v.name) || seen.has(v.name)) continue;
    seen.add(v.name);
    const pos = file.taskFile.locator.at(v.offset);
    report.add({
      code: "task-var-not-given",
      severity: "warning",
      message: `${file.path} uses ${v.text}, which ${label} does not give in vars: the build looks it up in the credential manager and fails with 'undefined vars: ${v.name}' if it is not there`,
      path: [...use.path, "vars"],
      at: { file: file.path, ...pos },
      hint: `add ${v.name} to the step's vars:, or make sure the credential manager holds it`,
    });
  }
}

function checkRunPath(
  use: FileTaskUse,
  file: ResolvedTaskFile,
  config: Obj,
  source: TaskFileSource,
  label: string,
  report: Report,
  seen: Set<string>,
): void {
  const run = obj(config.run);
  const path = text(run?.path);
  if (!run || path === "" || path.startsWith("/") || !path.includes("/")) return;
  const dir = text(run.dir);
  const full = (dir === "" || dir === "." ? path : `${dir.replace(/\/+$/, "")}/${path}`).replace(/^\.\//, "");
  for (const input of fileTaskInputs(config, use.step)) {
    const mount = (text(input.input.path) || input.name).replace(/^\.\//, "").replace(/\/+$/, "");
    if (!full.startsWith(`${mount}/`)) continue;
    const rest = full.slice(mount.length + 1);
    const key = `${file.path}\0${input.artifact}`;
    if (!seen.has(key) && source.exists(input.artifact, rest) === false) {
      seen.add(key);
      report.add({
        code: "task-run-path-not-found",
        severity: "warning",
        message: `run.path '${path}' of ${file.path} does not exist in input '${input.name}' (artifact '${input.artifact}'): the build of ${label} would fail (reported once per task file)`,
        path: [...use.path, "file"],
        at: inTaskFile(file, run, "path"),
        hint: "fix run.path (it is relative to the task's working directory, where each input is a folder), or add the script",
      });
    }
    return;
  }
}

/**
 * Reports a task file's own problems once, naming the first step that uses it (and how many
 * others do), under that step's path.
 */
export function reportTaskFileProblems(file: ResolvedTaskFile, uses: readonly FileTaskUse[], report: Report): void {
  const first = uses[0];
  if (!first) return;
  const others = uses.length > 1 ? `, and ${uses.length - 1} other step${uses.length === 2 ? "" : "s"}` : "";
  for (const d of file.taskFile.diagnostics) report.add(fromTaskFile(d, file.taskFile, first, `${stepLabel(first)}${others}`));
}

function fromTaskFile(d: Diagnostic, taskFile: TaskFile, use: FileTaskUse, users: string): Parameters<Report["add"]>[0] {
  const inner = d.path === "" ? [] : [d.path];
  return {
    code: d.code,
    severity: d.severity === "info" ? "warning" : d.severity,
    message: `${d.message} (task file of ${users})`,
    path: [...use.path, "file", ...inner],
    at: { file: d.file ?? taskFile.file ?? "", line: d.line ?? 1, column: d.column ?? 1 },
    hint: d.hint,
  };
}
