/**
 * A task step running a declared task file ({@link defineTask}): its inputs are given as
 * artifact handles by the file's input names (render derives `input_mapping`), its params
 * and vars only by the names the file declares, and its outputs are handles, exactly like
 * an inline task's.
 *
 * @see https://concourse-ci.org/task-step.html#schema.task.file
 */

import type { ContainerLimits } from "../model/task-config.ts";
import { type Artifact, makeArtifact } from "./artifact.ts";
import { Step, type StepOptions } from "./step.ts";
import type { JobContext } from "./synth-context.ts";
import type { KeysWith, Presence, TaskDeclaration, TaskFileShape } from "./task-declaration.ts";
import type { InputMap } from "./values.ts";

type PresenceMap<Shape, Key extends string> = Shape extends { readonly [K in Key]: infer M extends Record<string, Presence> }
  ? M
  : Record<never, Presence>;
type NamesOf<Shape, Key extends string> = Shape extends { readonly [K in Key]: readonly (infer N extends string)[] } ? N : never;

/**
 * A map whose `required` keys must be given and `optional` keys may be. With no key at all,
 * only the empty map fits, so that a stray key is still a compile error.
 */
type ByPresence<Map, Value> = [keyof Map] extends [never]
  ? { readonly [key: string]: never }
  : { readonly [K in KeysWith<Map, "required">]: Value } & { readonly [K in KeysWith<Map, "optional">]?: Value };

/** A map of optional keys, any of `Names`; empty when there are none. */
type AnyOf<Names extends string, Value> = [Names] extends [never] ? { readonly [key: string]: never } : { readonly [K in Names]?: Value };

/** The option `key` holding `Value`: required when some of its keys are. */
type OptionFor<Key extends string, Map, Value> = [KeysWith<Map, "required">] extends [never]
  ? { readonly [K in Key]?: Value }
  : { readonly [K in Key]: Value };

/** The output names of a declared task file. */
export type TaskOutputsOf<Shape extends TaskFileShape> = NamesOf<Shape, "outputs">;

/** Options of a {@link FileTask}, typed by the task file's declaration. */
export type FileTaskOptions<Shape extends TaskFileShape> = FileTaskCommonOptions<TaskOutputsOf<Shape>> &
  OptionFor<"inputs", PresenceMap<Shape, "inputs">, ByPresence<PresenceMap<Shape, "inputs">, Artifact>> &
  OptionFor<"params", PresenceMap<Shape, "params">, ByPresence<PresenceMap<Shape, "params">, unknown>> & {
    /** Values for the file's `((vars))`. @see https://concourse-ci.org/task-step.html#schema.task.vars */
    readonly vars?: AnyOf<NamesOf<Shape, "vars">, unknown>;
  };

/** What every file task step takes, whatever its file declares. */
export interface FileTaskCommonOptions<Output extends string> extends StepOptions {
  /** The artifact holding the task file (a get of the repository, usually). */
  readonly from: Artifact;
  /** An artifact holding the image to run in (the step's `image:`); else the file's `image_resource`. */
  readonly image?: Artifact;
  /** Renames outputs in the build: `{ built: "built-app" }`. */
  readonly outputMapping?: { readonly [K in Output]?: string };
  /** CPU and memory limits, overriding the file's. */
  readonly containerLimits?: ContainerLimits;
  /** Run privileged. @default false */
  readonly privileged?: boolean;
  /** No network access (containerd workers only). */
  readonly hermetic?: boolean;
  /** Worker tags. */
  readonly tags?: readonly string[];
  /**
   * Step params the task file does not declare, kept apart so that `params` stays checked.
   * Concourse still sets them as environment variables; `sdk lint` warns of them.
   */
  readonly undeclaredParams?: InputMap;
}

/** A declared task file's use in a plan, kept for render's comparison with the file. */
export interface FileTaskUse {
  readonly declaration: TaskDeclaration;
  /** The name of the artifact holding the file, as rendered. */
  readonly artifactName: string;
  /** The step's path, e.g. `jobs.test.plan[1]`. */
  readonly path: readonly (string | number)[];
}

/**
 * A task step running a declared task file.
 *
 * @example
 * const unit = new FileTask("unit", unitTests, { from: src, inputs: { repo: src }, params: { GOFLAGS: "-race" } });
 * build.put({ params: { file: unit.outputs.coverage.file("report.xml") } });
 * @see https://concourse-ci.org/task-step.html
 */
export class FileTask<const Shape extends TaskFileShape> extends Step {
  /** The step's name. */
  readonly name: string;
  /** The declaration of the file it runs. */
  readonly declaration: TaskDeclaration<Shape>;
  /** Handles to the file's outputs (after `outputMapping`). */
  readonly outputs: { readonly [K in TaskOutputsOf<Shape>]: Artifact };
  readonly #options: FileTaskOptions<Shape>;

  constructor(name: string, declaration: TaskDeclaration<Shape>, options: FileTaskOptions<Shape>) {
    super(options);
    this.name = name;
    this.declaration = declaration;
    this.#options = options;
    const mapping = options.outputMapping as Readonly<Record<string, string>> | undefined;
    const outputs: Record<string, Artifact> = {};
    for (const output of declaration.shape.outputs ?? []) outputs[output] = makeArtifact(this, () => mapping?.[output] ?? output);
    this.outputs = outputs as { readonly [K in TaskOutputsOf<Shape>]: Artifact };
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const o = this.#options;
    const shape = this.declaration.shape;
    const out: Record<string, unknown> = { task: this.name };
    if (o.privileged !== undefined) out["privileged"] = o.privileged;
    if (o.hermetic !== undefined) out["hermetic"] = o.hermetic;
    const artifactName = ctx.at("file").artifactName(o.from);
    out["file"] = `${artifactName}/${shape.file.replace(/^\.?\/+/, "")}`;
    ctx.pipeline.fileTasks.push({ declaration: this.declaration, artifactName, path: ctx.path });
    if (o.image !== undefined) out["image"] = ctx.at("image").artifactName(o.image);
    const params = { ...o.undeclaredParams, ...(o.params as InputMap | undefined) };
    if (Object.keys(params).length > 0) out["params"] = ctx.at("params").resolve(params);
    if (o.vars !== undefined && Object.keys(o.vars).length > 0) out["vars"] = ctx.at("vars").resolve(o.vars);
    const inputMapping = this.#inputMapping(ctx);
    if (Object.keys(inputMapping).length > 0) out["input_mapping"] = inputMapping;
    if (o.outputMapping !== undefined && Object.keys(o.outputMapping).length > 0) out["output_mapping"] = { ...o.outputMapping };
    if (o.containerLimits !== undefined) out["container_limits"] = { ...o.containerLimits };
    if (o.tags !== undefined) out["tags"] = [...o.tags];
    ctx.scope.add(this);
    return out;
  }

  /** Maps each given input to its artifact's name, where the names differ. */
  #inputMapping(ctx: JobContext): Record<string, string> {
    const declared = this.declaration.shape.inputs ?? {};
    const mapping: Record<string, string> = {};
    for (const [input, artifact] of Object.entries((this.#options.inputs ?? {}) as Record<string, Artifact | undefined>)) {
      if (artifact === undefined) continue;
      const at = ctx.at("input_mapping", input);
      // Like an inline task: a missing optional input is no error (the task runs without it).
      const name = declared[input] === "optional" && !at.scope.has(artifact.producer) ? artifact.artifactName : at.artifactName(artifact);
      if (name !== input) mapping[input] = name;
    }
    return mapping;
  }
}
