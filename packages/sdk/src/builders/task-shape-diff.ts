/**
 * How a task file's declaration ({@link defineTask}) and the file itself disagree: the
 * lines of a readable diff, "declared" against "file", for render's drift error.
 *
 * Compared: input names and whether each is optional, output names, param names and var
 * names. Whether a param is required is the declaration's own choice (a task file cannot
 * say it), so only the names are compared.
 */
import type { Presence, TaskFileShape } from "./task-declaration.ts";

/** One difference, e.g. `{ what: "input 'cache'", declared: "optional", file: "required" }`. */
export interface ShapeDifference {
  readonly what: string;
  /** What the declaration says; undefined when it does not have it. */
  readonly declared: string | undefined;
  /** What the file says; undefined when it does not have it. */
  readonly file: string | undefined;
}

/** The value of a name that is there, with nothing more to say of it. */
const NAMED = "declared";

function comparePresence(
  kind: string,
  declared: Readonly<Record<string, Presence>> | undefined,
  file: Readonly<Record<string, Presence>> | undefined,
  withPresence: boolean,
): ShapeDifference[] {
  const a = declared ?? {};
  const b = file ?? {};
  const out: ShapeDifference[] = [];
  for (const name of union(Object.keys(a), Object.keys(b))) {
    const left = a[name];
    const right = b[name];
    if (left === undefined || right === undefined || (withPresence && left !== right)) {
      const show = (p: Presence | undefined) => (p === undefined ? undefined : withPresence ? p : NAMED);
      out.push({ what: `${kind} '${name}'`, declared: show(left), file: show(right) });
    }
  }
  return out;
}

function compareNames(kind: string, declared: readonly string[] | undefined, file: readonly string[] | undefined): ShapeDifference[] {
  const a = new Set(declared ?? []);
  const b = new Set(file ?? []);
  return union([...a], [...b])
    .filter((name) => a.has(name) !== b.has(name))
    .map((name) => ({ what: `${kind} '${name}'`, declared: a.has(name) ? NAMED : undefined, file: b.has(name) ? NAMED : undefined }));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** The differences between a declaration and the shape read from its file; empty when they agree. */
export function diffTaskShapes(declared: TaskFileShape, file: TaskFileShape): ShapeDifference[] {
  return [
    ...comparePresence("input", declared.inputs, file.inputs, true),
    ...compareNames("output", declared.outputs, file.outputs),
    ...comparePresence("param", declared.params, file.params, false),
    ...compareNames("var", declared.vars, file.vars),
  ];
}

/**
 * The differences as diff lines, `-` for what only the declaration says and `+` for what
 * only the file says (a changed input gives both):
 *
 * ```
 *   - input 'cache': optional
 *   + input 'cache': required
 *   + output 'report'
 * ```
 */
export function formatShapeDiff(differences: readonly ShapeDifference[]): string {
  const line = (sign: string, what: string, value: string) => `  ${sign} ${what}${value === NAMED ? "" : `: ${value}`}`;
  return differences
    .flatMap((d) => [
      ...(d.declared !== undefined ? [line("-", d.what, d.declared)] : []),
      ...(d.file !== undefined ? [line("+", d.what, d.file)] : []),
    ])
    .join("\n");
}
