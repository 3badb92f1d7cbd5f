/**
 * A typed declaration of a task config file: where it lives inside an artifact, and the
 * names of its inputs, outputs, params and vars, as TypeScript types. `sdk import` of a
 * task file writes one; `new FileTask(name, declaration, ...)` uses it in a plan, so that a
 * missing required input, an unknown param or a misspelt output fails to compile. Render
 * compares the declaration with the file when the file's artifact is mapped to a folder.
 *
 * @see https://concourse-ci.org/tasks.html
 * @see https://concourse-ci.org/task-step.html#schema.task.file
 */

/** Whether a task file's input (or param) must be given. */
export type Presence = "required" | "optional";

/** What a task file declares, as {@link defineTask} takes it. */
export interface TaskFileShape {
  /** The task file's path inside the artifact that holds it, e.g. `"ci/tasks/unit.yml"`. */
  readonly file: string;
  /**
   * The file's `inputs`, by name. `"optional"` for an input with `optional: true`: the
   * task runs without it.
   */
  readonly inputs?: { readonly [name: string]: Presence };
  /** The file's `outputs`, by name. */
  readonly outputs?: readonly string[];
  /**
   * The file's `params`, by name. Concourse cannot tell a param the task needs from one
   * with a default; contrail's import reads a param the file leaves empty (`TOKEN:`) as
   * `"required"` and one with a value as `"optional"`. Edit freely: render checks only the
   * names against the file.
   */
  readonly params?: { readonly [name: string]: Presence };
  /** The `((vars))` the file uses, which a step's `vars` may fill. */
  readonly vars?: readonly string[];
}

/** A declared task file. Make one with {@link defineTask}. */
export interface TaskDeclaration<Shape extends TaskFileShape = TaskFileShape> {
  readonly [taskDeclarationBrand]: true;
  /** The declaration as given. */
  readonly shape: Shape;
  /**
   * Where the declaration was written (`file:line`), named in drift reports: the caller of
   * {@link defineTask}, unless given.
   */
  readonly declaredIn?: string;
}

const taskDeclarationBrand: unique symbol = Symbol.for("contrail.TaskDeclaration") as never;

/**
 * Declares a task file, so that steps running it are typed.
 *
 * @example
 * export const unitTests = defineTask({
 *   file: "ci/tasks/unit.yml",
 *   inputs: { repo: "required", cache: "optional" },
 *   outputs: ["coverage"],
 *   params: { GOFLAGS: "optional" },
 * });
 * const unit = new FileTask("unit", unitTests, { from: src, inputs: { repo: src } });
 * unit.outputs.coverage; // a handle for later steps
 *
 * @param shape what the file declares
 * @param declaredIn where this declaration is written, named in drift reports. @default the caller's file and line
 * @see https://concourse-ci.org/tasks.html
 */
export function defineTask<const Shape extends TaskFileShape>(
  shape: Shape,
  declaredIn: string | undefined = callerLocation(),
): TaskDeclaration<Shape> {
  const declaration = { shape, ...(declaredIn !== undefined ? { declaredIn } : {}) };
  Object.defineProperty(declaration, taskDeclarationBrand, { value: true });
  return declaration as TaskDeclaration<Shape>;
}

/**
 * The `file:line` that called {@link defineTask}, read from a stack trace, so that a drift
 * report can point at the declaration without the user passing `import.meta.url`. Frame 0
 * is this function, 1 is defineTask (or its default-parameter thunk), 2 its caller.
 */
function callerLocation(): string | undefined {
  const frames = (new Error().stack ?? "").split("\n").slice(1);
  const frame = frames.find((line, i) => i >= 2 && !line.includes("task-declaration.ts"));
  // `    at /path/tasks.ts:12:7`, or `    at fn (file:///path/tasks.ts:12:7)`.
  const place = frame
    ?.trim()
    .replace(/^at\s+/, "")
    .replace(/^.*\((.*)\)$/, "$1");
  const match = place?.match(/^(.*):(\d+):\d+$/);
  if (!match) return undefined;
  const file = (match[1] ?? "").replace(/^file:\/\//, "");
  return `${decodeURI(file)}:${match[2]}`;
}

/** True when `value` was made by {@link defineTask} (from any copy of contrail). */
export function isTaskDeclaration(value: unknown): value is TaskDeclaration {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[taskDeclarationBrand] === true;
}

/** The names in a presence map that are (or are not) required. */
export type KeysWith<Map, P extends Presence> = { [K in keyof Map]: Map[K] extends P ? K : never }[keyof Map] & string;
