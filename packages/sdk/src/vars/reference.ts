/**
 * Var references as Concourse parses them (`vars.ParseReference`): an optional source before
 * the first unquoted `:`, then a path and fields split at unquoted dots, with double quotes
 * protecting dots and colons (`(("github.com".key))`, `-v '"a.b".c=x'`).
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/vars/variables.go
 * @see https://concourse-ci.org/vars.html#var-syntax
 */

/** A parsed `((source:path.field))`. */
export interface VarReference {
  /** The var source (`vault`, `.` for local vars); undefined when there is none. */
  readonly source: string | undefined;
  /** The var's name, the first segment. */
  readonly path: string;
  /** Fields looked up inside the value. */
  readonly fields: readonly string[];
}

/** The var syntax inside `((...))` (`vars/template.go`); no spaces, no escapes. */
export const VAR_PATTERN = /\(\((([-/.\w\p{L}]+:)?[-/.:@"\w\p{L}]+)\)\)/gu;

/** The same, anchored: the whole string is one var (whole-value substitution). */
export const WHOLE_VAR = /^\(\((([-/.\w\p{L}]+:)?[-/.:@"\w\p{L}]+)\)\)$/u;

/** The names of the vars a string uses, in order (with repeats), as `extractVarNames`. */
export function varNamesIn(text: string): string[] {
  if (!text.includes("((")) return [];
  return [...text.matchAll(VAR_PATTERN)].map((m) => m[1] ?? "");
}

function findUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === char && !quoted) return i;
    if (c === '"') quoted = !quoted;
  }
  return -1;
}

/** Parses a reference; returns fly's error text when it is malformed. */
export function parseVarReference(name: string): VarReference | { readonly error: string } {
  let input = name;
  let source: string | undefined;
  const colon = findUnquoted(input, ":");
  if (colon >= 0) {
    source = input.slice(0, colon);
    if (source.includes('"')) return { error: `invalid var '${name}': source must not be quoted` };
    input = input.slice(colon + 1);
  }
  const segments: string[] = [];
  let more = true;
  while (more) {
    const dot = findUnquoted(input, ".");
    more = dot >= 0;
    const raw = more ? input.slice(0, dot) : input;
    input = more ? input.slice(dot + 1) : "";
    const field = raw.trim().replaceAll('"', "");
    if (field === "") return { error: `invalid var '${name}': empty field` };
    segments.push(field);
  }
  const [path = "", ...fields] = segments;
  return { source, path, fields };
}

/** `Reference.String()`: segments with `,.:/ ` in them are quoted. */
export function formatVarReference(ref: VarReference): string {
  const segment = (s: string): string => (/[,.:/ ]/.test(s) ? JSON.stringify(s) : s);
  const body = [ref.path, ...ref.fields].map(segment).join(".");
  return ref.source === undefined ? body : `${ref.source}:${body}`;
}

/** The var's identity for accounting: source and name, without fields (`vault:creds`). */
export function varIdentity(ref: VarReference): string {
  const path = /[,.:/ ]/.test(ref.path) ? JSON.stringify(ref.path) : ref.path;
  return ref.source === undefined ? path : `${ref.source}:${path}`;
}
