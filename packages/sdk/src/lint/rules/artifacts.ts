/**
 * `unknown-artifact`: a step reads an artifact (task input, task `file:`/`image:`,
 * `load_var`/`set_pipeline` file, a put param path) that no earlier step of the job produced.
 * Concourse only finds out at run time (`missing inputs`). Artifacts come from gets, puts'
 * implicit gets, task outputs (`output_mapping` applied); `in_parallel` branches do not see
 * each other's artifacts. After a task whose config lives in a file (outputs unknown), the
 * rest of the sequence is not checked.
 *
 * @see https://concourse-ci.org/task-step.html#schema.task.input_mapping
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";
import { type CoreKey, detectStep, HOOKS } from "../step-kinds.ts";
import type { Report } from "../validate/report.ts";
import { arr, type Obj, obj, text } from "../values.ts";

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
  constructor(report: Report) {
    this.report = report;
  }

  private need(scope: Scope, artifact: string | undefined, what: string, path: readonly PathSegment[], target: object, key: string): void {
    if (artifact === undefined || artifact === "" || artifact.includes("((") || scope.opaque || scope.names.has(artifact)) return;
    this.report.warning(
      "unknown-artifact",
      `${what} '${artifact}', but no earlier step of the job produces an artifact with that name`,
      path,
      target,
      key,
      "add a get (or a task output) named so before this step, or fix the name; in_parallel branches do not see each other's artifacts",
    );
  }

  steps(items: readonly unknown[], scope: Scope, path: readonly PathSegment[]): void {
    items.forEach((s, i) => {
      this.step(s, scope, [...path, i]);
    });
  }

  step(value: unknown, scope: Scope, path: readonly PathSegment[]): void {
    const step = obj(value);
    if (!step) return;
    const { core } = detectStep(Object.keys(step));
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
        for (const [key, value] of Object.entries(params)) {
          const m = typeof value === "string" && !value.includes("((") && !value.includes("://") ? ARTIFACT_PATH.exec(value) : null;
          if (m) this.need(scope, m[1], `put '${text(step.put)}' param ${key} reads artifact`, [...path, "params", key], params, key);
        }
        if (step.no_get !== true) scope.names.add(text(step.put));
        return;
      }
      case "task":
        this.task(step, scope, path);
        return;
      case "load_var":
        this.need(
          scope,
          firstSegment(text(step.file)),
          `load_var '${text(step.load_var)}' reads a file from artifact`,
          [...path, "file"],
          step,
          "file",
        );
        return;
      case "set_pipeline":
        this.need(
          scope,
          firstSegment(text(step.file)),
          `set_pipeline '${text(step.set_pipeline)}' reads its config from artifact`,
          [...path, "file"],
          step,
          "file",
        );
        arr(step.var_files).forEach((f, i) => {
          this.need(
            scope,
            firstSegment(text(f)),
            `set_pipeline '${text(step.set_pipeline)}' reads var file from artifact`,
            [...path, "var_files", i],
            step,
            "var_files",
          );
        });
        return;
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

  private task(step: Obj, scope: Scope, path: readonly PathSegment[]): void {
    const name = text(step.task);
    const inputMapping = obj(step.input_mapping) ?? {};
    const outputMapping = obj(step.output_mapping) ?? {};
    this.need(scope, firstSegment(text(step.file)), `task '${name}' reads its config from artifact`, [...path, "file"], step, "file");
    if (text(step.image) !== "")
      this.need(scope, text(step.image), `task '${name}' runs in image artifact`, [...path, "image"], step, "image");
    const config = obj(step.config);
    if (!config) {
      // Inputs and outputs live in the task file: only the mapped names are known.
      for (const [input, artifact] of Object.entries(inputMapping)) {
        this.need(
          scope,
          text(artifact),
          `task '${name}' maps input '${input}' to artifact`,
          [...path, "input_mapping", input],
          inputMapping,
          input,
        );
      }
      for (const artifact of Object.values(outputMapping)) scope.names.add(text(artifact));
      scope.opaque = true;
      return;
    }
    arr(config.inputs).forEach((value, i) => {
      const input = obj(value);
      if (!input || input.optional === true) return;
      const inputName = text(input.name);
      const mapped = inputMapping[inputName];
      const artifact = typeof mapped === "string" ? mapped : inputName;
      const at: PathSegment[] = typeof mapped === "string" ? [...path, "input_mapping", inputName] : [...path, "config", "inputs", i];
      this.need(
        scope,
        artifact,
        `task '${name}' reads input`,
        at,
        typeof mapped === "string" ? inputMapping : input,
        typeof mapped === "string" ? inputName : "name",
      );
    });
    for (const value of arr(config.outputs)) {
      const outputName = text(obj(value)?.name);
      const mapped = outputMapping[outputName];
      scope.names.add(typeof mapped === "string" ? mapped : outputName);
    }
  }
}

/** Runs `unknown-artifact` on every job. */
export function checkArtifacts(config: Obj, report: Report): void {
  const checker = new ArtifactChecker(report);
  for (const value of arr(config.jobs)) {
    const job = obj(value);
    if (!job) continue;
    const name = text(job.name);
    const base: PathSegment[] = ["jobs", name];
    const scope: Scope = { names: new Set(), opaque: false };
    checker.steps(arr(job.plan), scope, [...base, "plan"]);
    for (const hook of HOOKS) if (job[hook] !== undefined) checker.step(job[hook], scope, [...base, hook]);
  }
}
