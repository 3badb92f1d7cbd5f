/**
 * Resolved file tasks (`sdk import PIPELINE --artifact NAME=DIR`): a task step whose
 * `file:` was read becomes `new FileTask(name, declaration, {...})`, its inputs handles by
 * the file's input names, its outputs handles for later steps, and the file's declaration
 * a `defineTask` const of the generated module. A step the typed options cannot say
 * exactly (a param or var the file does not declare, an identity `input_mapping`, an input
 * no visible step produces) stays a plain `Task` with a string `file`.
 *
 * @see https://concourse-ci.org/task-step.html#schema.task.file
 */

import type { Presence, TaskFileShape } from "../builders/task-declaration.ts";
import { shapeOfTaskFile } from "../builders/task-file-shape.ts";
import { splitArtifactPath } from "../task-file/index.ts";
import type { ImportContext } from "./context.ts";
import type { ConstDecl } from "./emit-resources.ts";
import { shapeExpr } from "./emit-task-files.ts";
import { type Expr, id, member, newExpr, obj, str } from "./expr.ts";
import { isObject, type JsonObject } from "./load.ts";
import { fits, LIMITS } from "./shapes.ts";
import type { StepBuild } from "./step-build.ts";

/** A task file declared in the generated module, and what its steps give. */
interface DeclaredFile {
  readonly constName: string;
  readonly shape: TaskFileShape;
  /** The params each step running it gives, to tell which params every step gives. */
  readonly givenParams: Set<string>[];
}

const declaredFiles = new WeakMap<ImportContext, Map<string, DeclaredFile>>();

function declarationsOf(ctx: ImportContext): Map<string, DeclaredFile> {
  let map = declaredFiles.get(ctx);
  if (!map) {
    map = new Map();
    declaredFiles.set(ctx, map);
  }
  return map;
}

const keysIn = (value: unknown): string[] => (isObject(value as never) ? Object.keys(value as JsonObject) : []);

/** Emits a resolved file task as a `FileTask`; undefined when it must stay a plain task. */
export function emitFileTask(b: StepBuild): Expr | undefined {
  const { ctx, step: s, props, consumed, scope: inner, node } = b;
  const name = s["task"];
  const file = s["file"];
  if (typeof name !== "string" || typeof file !== "string" || !ctx.taskFiles || s["config"] !== undefined) return undefined;
  const found = ctx.taskFiles.lookup(file);
  const split = splitArtifactPath(file);
  if (found?.kind !== "resolved" || found.taskFile.config === undefined || !split) return undefined;
  const from = inner.artifact(split.artifact);
  if (!from || from.node.open) return undefined;
  const shape = shapeOfTaskFile(
    split.rest,
    found.taskFile.config,
    found.taskFile.vars.map((v) => v.name),
  );

  // Every key must be one the typed options say exactly; else the step stays a plain Task.
  const mapping = s["input_mapping"];
  if (mapping !== undefined && !isObject(mapping)) return undefined;
  const declaredInputs = shape.inputs ?? {};
  if (keysIn(mapping).some((k) => !(k in declaredInputs) || mapping?.[k] === k || typeof mapping?.[k] !== "string")) return undefined;
  const inputs: [string, Expr][] = [];
  for (const [input, presence] of Object.entries(declaredInputs)) {
    const artifact = (mapping?.[input] as string | undefined) ?? input;
    const producer = inner.artifact(artifact);
    if (!producer || producer.node.open) {
      // A missing optional input without a mapping is what Concourse allows.
      if (presence === "optional" && mapping?.[input] === undefined) continue;
      if (presence === "required" && !producer) {
        ctx.report(
          "warning",
          "import-file-task-input-missing",
          "",
          `task '${name}': no earlier step produces '${artifact}', the input '${input}' that ${found.path} requires; kept as a plain Task`,
          "A build of this job would fail. Add the step that produces it, or map the input to another artifact.",
        );
      }
      return undefined;
    }
    inputs.push([input, ctx.handle(producer)]);
  }
  const params = s["params"];
  if (params !== undefined && !isObject(params)) return undefined;
  const declaredParams = shape.params ?? {};
  const paramsWhere = (keep: (key: string) => boolean): JsonObject =>
    Object.fromEntries(Object.entries(params ?? {}).filter(([key]) => keep(key)));
  const known = paramsWhere((key) => key in declaredParams);
  const undeclared = paramsWhere((key) => !(key in declaredParams));
  const vars = s["vars"];
  if (vars !== undefined && (!isObject(vars) || keysIn(vars).some((k) => !(shape.vars ?? []).includes(k)))) return undefined;
  const outputMapping = s["output_mapping"];
  const outputs = shape.outputs ?? [];
  if (
    outputMapping !== undefined &&
    (!isObject(outputMapping) || Object.entries(outputMapping).some(([k, v]) => !outputs.includes(k) || typeof v !== "string"))
  )
    return undefined;

  const declaration = declare(ctx, found.path, shape, new Set(keysIn(known)));
  b.take("file", "from", ctx.handle(from));
  if (inputs.length > 0) props.push(["inputs", obj(inputs)]);
  if (mapping !== undefined) consumed.add("input_mapping");
  if (keysIn(known).length > 0) b.take("params", "params", ctx.value(known, { scope: inner }));
  if (keysIn(undeclared).length > 0) b.take("params", "undeclaredParams", ctx.value(undeclared, { scope: inner }));
  if (params !== undefined) consumed.add("params");
  if (vars !== undefined && keysIn(vars).length > 0) b.take("vars", "vars", ctx.value(vars, { scope: inner }));
  if (outputMapping !== undefined && keysIn(outputMapping).length > 0) b.take("output_mapping", "outputMapping", ctx.value(outputMapping));
  const image = s["image"];
  if (typeof image === "string") {
    const producer = inner.artifact(image);
    if (producer && !producer.node.open) b.take("image", "image", ctx.handle(producer));
  }
  if (isObject(s["container_limits"]) && fits(s["container_limits"], LIMITS))
    b.take("container_limits", "containerLimits", ctx.value(s["container_limits"]));
  const tags = s["tags"];
  if (Array.isArray(tags) && tags.every((t) => typeof t === "string")) b.take("tags", "tags", ctx.value(tags));
  for (const output of outputs) {
    const artifact = (isObject(outputMapping) ? (outputMapping[output] as string | undefined) : undefined) ?? output;
    inner.addArtifact(artifact, { node, handle: member(member({ k: "ref", node }, "outputs"), output) });
  }
  consumed.add("task");
  ctx.use("FileTask");
  return newExpr("FileTask", str(name), id(declaration));
}

/** The const declaring the file at `path` (shown path), made at its first use. */
function declare(ctx: ImportContext, path: string, shape: TaskFileShape, given: Set<string>): string {
  const declarations = declarationsOf(ctx);
  let declared = declarations.get(path);
  if (!declared) {
    const base = (shape.file.split("/").pop() ?? shape.file).replace(/\.ya?ml$/i, "");
    declared = { constName: ctx.names.allocate(`${base}-task`, "Declaration"), shape, givenParams: [] };
    declarations.set(path, declared);
  }
  declared.givenParams.push(given);
  return declared.constName;
}

/**
 * The `defineTask` consts of the resolved task files, to place before the jobs. A param the
 * file leaves empty is declared required only when every step running the file gives it, so
 * that the generated pipeline compiles.
 */
export function taskDeclarationConsts(ctx: ImportContext): ConstDecl[] {
  return [...declarationsOf(ctx).values()].map((d) => {
    const params: Record<string, Presence> = {};
    for (const [param, presence] of Object.entries(d.shape.params ?? {})) {
      params[param] = presence === "required" && d.givenParams.every((given) => given.has(param)) ? "required" : "optional";
    }
    const shape: TaskFileShape = { ...d.shape, ...(d.shape.params ? { params } : {}) };
    ctx.use("defineTask");
    return { name: d.constName, init: shapeExpr(shape) };
  });
}
