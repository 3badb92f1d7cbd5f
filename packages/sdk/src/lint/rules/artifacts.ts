/**
 * `unknown-artifact`: a step reads an artifact (task input, task `file:`/`image:`,
 * `load_var`/`set_pipeline` file, a put param path) that no earlier step of the job produced.
 * Concourse only finds out at run time (`missing inputs`). Artifacts come from gets, puts'
 * implicit gets, task outputs (`output_mapping` applied); `in_parallel` branches do not see
 * each other's artifacts. A task whose config lives in a file is followed into the file when
 * the rules' context maps its artifact to a folder (its inputs checked, its outputs added,
 * see file-tasks.ts); otherwise its outputs are unknown and the rest of the sequence is not
 * checked.
 *
 * @see https://concourse-ci.org/task-step.html#schema.task.input_mapping
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import type { ResolvedTaskFile } from "../../task-file/source.ts";
import { type CoreKey, detectStepOf, HOOKS } from "../step-kinds.ts";
import type { FileLocation, Report } from "../validate/report.ts";
import { arr, type Obj, obj, text } from "../values.ts";
import type { RuleContext } from "./context.ts";
import {
  checkFileTaskUse,
  type FileTaskUse,
  fileTaskInputs,
  fileTaskOutputs,
  inTaskFile,
  reportTaskFileProblems,
  stepLabel,
} from "./file-tasks.ts";

/** Artifacts known at a point of the plan; `opaque` once some step's outputs are unknown. */
interface Scope {
  readonly names: Set<string>;
  opaque: boolean;
}

const ARTIFACT_PATH = /^([a-z0-9][\w.-]*)\/[^\s:]+$/i;

function firstSegment(file: string): string | undefined {
  if (file === "" || file.includes("((") || file.startsWith("/") || file.startsWith(".")) return undefined;
  const segment = file.split("/")[0];
  return segment && segment !== file ? segment : undefined;
}

class ArtifactChecker {
  private readonly report: Report;
  private readonly context: RuleContext;
  /** The steps that use each task file, for reporting the file's own problems once. */
  readonly uses = new Map<ResolvedTaskFile["taskFile"], { file: ResolvedTaskFile; uses: FileTaskUse[] }>();
  /** File-level problems already reported (see checkFileTaskUse). */
  private readonly seen = new Set<string>();

  constructor(report: Report, context: RuleContext) {
    this.report = report;
    this.context = context;
  }

  /**
   * True when `artifact` names nothing the scope has: the test comes first at every read,
   * so that the message and path of a finding are built only for a finding.
   */
  private lacks(scope: Scope, artifact: string | undefined): artifact is string {
    return !(artifact === undefined || artifact === "" || artifact.includes("((") || scope.opaque || scope.names.has(artifact));
  }

  private unknown(
    artifact: string,
    what: string,
    path: readonly PathSegment[],
    target: object | undefined,
    key: string | undefined,
    at?: FileLocation,
  ): void {
    this.report.add({
      code: "unknown-artifact",
      severity: "warning",
      message: `${what} '${artifact}', but no earlier step of the job produces an artifact with that name`,
      path,
      target,
      key,
      at,
      hint: "add a get (or a task output) named so before this step, or fix the name; in_parallel branches do not see each other's artifacts",
    });
  }

  steps(items: readonly unknown[], scope: Scope, path: readonly PathSegment[]): void {
    for (let i = 0; i < items.length; i++) this.step(items[i], scope, [...path, i]);
  }

  step(value: unknown, scope: Scope, path: readonly PathSegment[]): void {
    const step = obj(value);
    if (!step) return;
    const { core } = detectStepOf(step);
    if (core) this.core(step, core, scope, path);
    for (const hook of HOOKS) if (step[hook] !== undefined) this.step(step[hook], scope, [...path, hook]);
  }

  private core(step: Obj, core: CoreKey, scope: Scope, path: readonly PathSegment[]): void {
    switch (core) {
      case "get":
        scope.names.add(text(step.get));
        return;
      case "put": {
        const params = obj(step.params) ?? {};
        // for...in, not for...of over entries: cold code pays an iterator and a pair per key.
        for (const key in params) {
          if (!Object.hasOwn(params, key)) continue;
          const value = params[key];
          const m = typeof value === "string" && !value.includes("((") && !value.includes("://") ? ARTIFACT_PATH.exec(value) : null;
          if (m && this.lacks(scope, m[1]))
            this.unknown(m[1], `put '${text(step.put)}' param ${key} reads artifact`, [...path, "params", key], params, key);
        }
        if (step.no_get !== true) scope.names.add(text(step.put));
        return;
      }
      case "task":
        this.task(step, scope, path);
        return;
      case "load_var": {
        const artifact = firstSegment(text(step.file));
        if (this.lacks(scope, artifact))
          this.unknown(artifact, `load_var '${text(step.load_var)}' reads a file from artifact`, [...path, "file"], step, "file");
        return;
      }
      case "set_pipeline": {
        const artifact = firstSegment(text(step.file));
        if (this.lacks(scope, artifact))
          this.unknown(
            artifact,
            `set_pipeline '${text(step.set_pipeline)}' reads its config from artifact`,
            [...path, "file"],
            step,
            "file",
          );
        arr(step.var_files).forEach((f, i) => {
          const varFile = firstSegment(text(f));
          if (this.lacks(scope, varFile)) {
            this.unknown(
              varFile,
              `set_pipeline '${text(step.set_pipeline)}' reads var file from artifact`,
              [...path, "var_files", i],
              step,
              "var_files",
            );
          }
        });
        return;
      }
      case "try":
        this.step(step.try, scope, [...path, "try"]);
        return;
      case "do":
        this.steps(arr(step.do), scope, [...path, "do"]);
        return;
      case "in_parallel": {
        const p = step.in_parallel;
        const list = Array.isArray(p) ? p : arr(obj(p)?.steps);
        const base: PathSegment[] = Array.isArray(p) ? [...path, "in_parallel"] : [...path, "in_parallel", "steps"];
        const produced = new Set<string>();
        let opaque = scope.opaque;
        list.forEach((s, i) => {
          const branch: Scope = { names: new Set(scope.names), opaque: scope.opaque };
          this.step(s, branch, [...base, i]);
          for (const n of branch.names) produced.add(n);
          opaque ||= branch.opaque;
        });
        for (const n of produced) scope.names.add(n);
        scope.opaque = opaque;
        return;
      }
      case "run":
        return;
    }
  }

  /**
   * Follows a file task into its task file when the context maps its artifact; true when
   * the step was handled (its inputs checked and outputs added, or the file missing).
   */
  private fileTask(step: Obj, scope: Scope, path: readonly PathSegment[]): boolean {
    const file = text(step.file);
    if (file === "") return false;
    const found = this.context.taskFiles?.lookup(file);
    if (!found) {
      this.context.stats.unchecked++;
      return false;
    }
    if (found.kind === "outside") {
      this.context.stats.outside++;
      return false;
    }
    this.context.stats.resolved++;
    const use: FileTaskUse = { step, path };
    if (found.kind === "missing") {
      // Concourse's run-time error (FileConfigSource).
      this.report.warning(
        "task-file-not-found",
        `task config '${file}' not found: ${stepLabel(use)} reads ${found.path}, which does not exist`,
        [...path, "file"],
        step,
        "file",
        "fix the path, or map the artifact to the folder that holds it (--artifact NAME=DIR)",
      );
      return false;
    }
    const entry = this.uses.get(found.taskFile) ?? { file: found, uses: [] };
    entry.uses.push(use);
    this.uses.set(found.taskFile, entry);
    const config = found.taskFile.config as Obj | undefined;
    // A task file Concourse cannot load: its problems are reported; what it outputs is unknown.
    if (!config || found.taskFile.diagnostics.some((d) => d.severity === "error")) return false;
    const label = stepLabel(use);
    for (const input of fileTaskInputs(config, step)) {
      if (input.optional || !this.lacks(scope, input.artifact)) continue;
      const mapping = obj(step.input_mapping);
      this.unknown(
        input.artifact,
        input.mapped ? `${label} maps input '${input.name}' of its task file to artifact` : `${label} needs input`,
        input.mapped ? [...path, "input_mapping", input.name] : [...path, "file", "inputs", input.index],
        input.mapped ? mapping : undefined,
        input.mapped ? input.name : undefined,
        input.mapped ? undefined : inTaskFile(found, input.input, "name"),
      );
    }
    checkFileTaskUse(use, found, this.context.taskFiles as NonNullable<RuleContext["taskFiles"]>, this.report, this.seen);
    for (const artifact of fileTaskOutputs(config, step)) scope.names.add(artifact);
    return true;
  }

  private task(step: Obj, scope: Scope, path: readonly PathSegment[]): void {
    const name = text(step.task);
    const inputMapping = obj(step.input_mapping) ?? {};
    const outputMapping = obj(step.output_mapping) ?? {};
    const fileArtifact = firstSegment(text(step.file));
    if (this.lacks(scope, fileArtifact))
      this.unknown(fileArtifact, `task '${name}' reads its config from artifact`, [...path, "file"], step, "file");
    const image = text(step.image);
    if (this.lacks(scope, image)) this.unknown(image, `task '${name}' runs in image artifact`, [...path, "image"], step, "image");
    const config = obj(step.config);
    if (!config && this.fileTask(step, scope, path)) return;
    if (!config) {
      // Inputs and outputs live in the task file: only the mapped names are known.
      for (const [input, value] of Object.entries(inputMapping)) {
        const artifact = text(value);
        if (!this.lacks(scope, artifact)) continue;
        this.unknown(artifact, `task '${name}' maps input '${input}' to artifact`, [...path, "input_mapping", input], inputMapping, input);
      }
      for (const artifact of Object.values(outputMapping)) scope.names.add(text(artifact));
      scope.opaque = true;
      return;
    }
    const inputs = arr(config.inputs);
    for (let i = 0; i < inputs.length; i++) {
      const input = obj(inputs[i]);
      if (!input || input.optional === true) continue;
      const inputName = text(input.name);
      const mapped = inputMapping[inputName];
      const artifact = typeof mapped === "string" ? mapped : inputName;
      if (!this.lacks(scope, artifact)) continue;
      const at: PathSegment[] = typeof mapped === "string" ? [...path, "input_mapping", inputName] : [...path, "config", "inputs", i];
      this.unknown(
        artifact,
        `task '${name}' reads input`,
        at,
        typeof mapped === "string" ? inputMapping : input,
        typeof mapped === "string" ? inputName : "name",
      );
    }
    const outputs = arr(config.outputs);
    for (let i = 0; i < outputs.length; i++) {
      const outputName = text(obj(outputs[i])?.name);
      const mapped = outputMapping[outputName];
      scope.names.add(typeof mapped === "string" ? mapped : outputName);
    }
  }
}

/** Runs `unknown-artifact` on every job, and the file-task checks. */
export function checkArtifacts(config: Obj, report: Report, context: RuleContext): void {
  const checker = new ArtifactChecker(report, context);
  for (const value of arr(config.jobs)) {
    const job = obj(value);
    if (!job) continue;
    const name = text(job.name);
    const base: PathSegment[] = ["jobs", name];
    const scope: Scope = { names: new Set(), opaque: false };
    checker.steps(arr(job.plan), scope, [...base, "plan"]);
    for (const hook of HOOKS) if (job[hook] !== undefined) checker.step(job[hook], scope, [...base, hook]);
  }
  for (const { file, uses } of checker.uses.values()) reportTaskFileProblems(file, uses, report);
}
