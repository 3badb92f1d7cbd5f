/**
 * The vars fly is given (`-v`, `-y`, `-i`, `-l`), read and layered the way `fly
 * set-pipeline` does before it interpolates:
 *
 * - `-v NAME=STRING`, `-y NAME=YAML` and `-i NAME=YAML` are one layer. Their names may be
 *   dotted (`-v a.b=x` sets field `b` of `a`) or quoted (`-v '"a.b".c=x'`); they are applied
 *   in the order `-v`, then `-y`, then `-i` (each in command-line order), so a later flag
 *   overrides an earlier one on the same path (`vars.KVPairs.Expand`). `-i` instance vars
 *   are flattened to their leaves first, so `-i a.b=1` keeps the other fields of `a`.
 * - Each `-l FILE` is a layer below the flags; later files win over earlier ones.
 * - A var is taken from the first layer that has its name at the top; a field missing there
 *   is an error, not a reason to look further (`vars.MultiVars`).
 *
 * `-y`/`-i` values and vars files are YAML 1.1 (`yes` is true, `0755` is 493), read by
 * sigs.k8s.io/yaml: numbers from `-y`/`-i` are json.Number, numbers from files float64.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/fly/commands/internal/templatehelpers/yaml_template.go
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/vars/static_vars.go
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/vars/multi_vars.go
 */
import type { LineIndex } from "../yaml/line-index.ts";
import { parseYaml } from "../yaml/parse.ts";
import { formatVarReference, parseVarReference, type VarReference } from "./reference.ts";
import { goTypeOf, stringVar, type VarValue, varValueFromNode } from "./value.ts";

/** The var flags as given on the command line. */
export interface VarFlags {
  /** `-v NAME=STRING`, in order. */
  readonly vars?: readonly string[] | undefined;
  /** `-y NAME=YAML`, in order. */
  readonly yamlVars?: readonly string[] | undefined;
  /** `-i NAME=YAML`, in order. */
  readonly instanceVars?: readonly string[] | undefined;
  /** `-l FILE`, in order. */
  readonly files?: readonly string[] | undefined;
}

/** A problem with the given vars (a bad flag, an unreadable vars file). */
export interface VarsProblem {
  readonly code: "var-flag" | "vars-file";
  readonly severity: "error" | "warning";
  readonly message: string;
  /** The vars file and place, when the problem is in one. */
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** One layer of vars: the flags, or one file. */
export interface VarLayer {
  /** `flags` or the file's path. */
  readonly label: string;
  /** Top-level var names to values. */
  readonly vars: ReadonlyMap<string, VarValue>;
}

/** A vars file's text, kept for showing snippets of it in diagnostics. */
export interface VarsFileText {
  readonly path: string;
  readonly text: string;
}

/** The vars fly would use, in lookup order. */
export interface VarSources {
  /** Flags first, then files from the last given to the first. */
  readonly layers: readonly VarLayer[];
  /** The vars files read. */
  readonly files: readonly VarsFileText[];
}

/** What {@link loadVarSources} found. */
export interface LoadedVars {
  readonly sources: VarSources;
  readonly problems: readonly VarsProblem[];
}

/** A var flag's name and value, parsed. */
interface Pair {
  readonly ref: VarReference;
  readonly value: VarValue;
}

/** Splits `NAME=VALUE` at the first `=` outside double quotes. */
function splitPair(text: string): [string, string] | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "=" && !quoted) return [text.slice(0, i), text.slice(i + 1)];
  }
  return undefined;
}

/** Reads YAML the way sigs.k8s.io/yaml does for a var: YAML 1.1, any top-level node. */
function readYaml(text: string): { node: ReturnType<typeof parseYaml>["root"]; lines: LineIndex; error?: string; duplicate?: string } {
  const parsed = parseYaml(text);
  const fatal = parsed.problems.find((p) => p.code !== "yaml-top-level" && p.code !== "yaml-duplicate-key");
  const duplicate = parsed.problems.find((p) => p.code === "yaml-duplicate-key");
  const nonFinite = parsed.nonFinite[0];
  const error =
    fatal?.message ?? (nonFinite ? `error converting YAML to JSON: json: unsupported value: ${String(nonFinite.value)}` : undefined);
  return {
    node: parsed.root,
    lines: parsed.lines,
    ...(error !== undefined ? { error } : {}),
    ...(duplicate ? { duplicate: duplicate.message } : {}),
  };
}

function parseFlag(flag: "-v" | "-y" | "-i", text: string, problems: VarsProblem[]): Pair | undefined {
  const split = splitPair(text);
  if (!split) {
    const what = flag === "-v" ? "variable" : flag === "-y" ? "input" : "instance var";
    // The value is not echoed: it may be a secret given without its name.
    problems.push({ code: "var-flag", severity: "error", message: `invalid ${what} pair given to ${flag} (must be name=value)` });
    return undefined;
  }
  const [name, raw] = split;
  const ref = parseVarReference(name);
  if ("error" in ref) {
    problems.push({ code: "var-flag", severity: "error", message: `${flag} ${ref.error}` });
    return undefined;
  }
  if (ref.source !== undefined) {
    problems.push({
      code: "var-flag",
      severity: "error",
      message: `${flag} ${name}: a var given to fly has no source; quote the name if it contains ':' ('"${name}"=...')`,
    });
    return undefined;
  }
  if (flag === "-v") return { ref, value: stringVar(raw, flag) };
  const read = readYaml(raw);
  if (read.error !== undefined) {
    problems.push({ code: "var-flag", severity: "error", message: `${flag} ${name}: ${read.error}` });
    return undefined;
  }
  const node = read.node ?? { kind: "scalar" as const, value: null, tag: "null" as const, offset: 0 };
  return { ref, value: varValueFromNode(node, flag, "json.Number") };
}

/** `vars.KVPairs.Expand`'s upsert: sets `fields` under `path`, replacing non-maps. */
function upsert(out: Map<string, VarValue>, path: string, fields: readonly string[], value: VarValue): void {
  const node = out.get(path);
  const [first, ...rest] = fields;
  if (first === undefined) {
    out.set(path, value);
    return;
  }
  if (node?.kind !== "map") {
    out.set(path, construct(fields, value));
    return;
  }
  const copy = new Map(node.entries);
  upsert(copy, first, rest, value);
  out.set(path, { kind: "map", entries: copy, origin: node.origin });
}

function construct(fields: readonly string[], value: VarValue): VarValue {
  let out = value;
  for (let i = fields.length - 1; i >= 0; i--) out = { kind: "map", entries: new Map([[fields[i] ?? "", out]]), origin: value.origin };
  return out;
}

/** `StaticVariables.Flatten` for one pair: its leaves, each with its own path. */
function flatten(pair: Pair): Pair[] {
  if (pair.value.kind !== "map") return [pair];
  return [...pair.value.entries].flatMap(([key, value]) => flatten({ ref: { ...pair.ref, fields: [...pair.ref.fields, key] }, value }));
}

/**
 * Reads var flags and vars files into the layers fly looks vars up in. Never throws: bad
 * flags and unreadable files become problems (and are left out).
 */
export function loadVarSources(flags: VarFlags, readFile: (path: string) => string): LoadedVars {
  const problems: VarsProblem[] = [];
  const pairs: Pair[] = [];
  for (const [flag, list] of [
    ["-v", flags.vars],
    ["-y", flags.yamlVars],
  ] as const) {
    for (const text of list ?? []) {
      const pair = parseFlag(flag, text, problems);
      if (pair) pairs.push(pair);
    }
  }
  for (const text of flags.instanceVars ?? []) {
    const pair = parseFlag("-i", text, problems);
    if (pair) pairs.push(...flatten(pair));
  }
  const flagVars = new Map<string, VarValue>();
  for (const { ref, value } of pairs) upsert(flagVars, ref.path, ref.fields, value);

  const layers: VarLayer[] = [{ label: "flags", vars: flagVars }];
  const files: VarsFileText[] = [];
  const fileLayers: VarLayer[] = [];
  for (const path of flags.files ?? []) {
    let text: string;
    try {
      text = readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? String(error));
      problems.push({ code: "vars-file", severity: "error", message: `could not read template variables file (${path}): ${reason}` });
      continue;
    }
    files.push({ path, text });
    const layer = readVarsFile(path, text, problems);
    if (layer) fileLayers.push(layer);
  }
  layers.push(...fileLayers.reverse());
  return { sources: { layers, files }, problems };
}

/** Reads one vars file: a YAML 1.1 mapping of var names. */
function readVarsFile(path: string, text: string, problems: VarsProblem[]): VarLayer | undefined {
  const read = readYaml(text);
  const at = (offset: number) => {
    const pos = read.lines.linePos(offset);
    return { file: path, line: pos.line, column: pos.col };
  };
  if (read.error !== undefined) {
    problems.push({ code: "vars-file", severity: "error", message: `could not unmarshal template variables (${path}): ${read.error}` });
    return undefined;
  }
  if (read.duplicate !== undefined) {
    problems.push({ code: "vars-file", severity: "warning", message: `${read.duplicate}; fly takes the last one`, file: path });
  }
  const root = read.node;
  if (root === undefined || (root.kind === "scalar" && root.value === null)) return { label: path, vars: new Map() };
  if (root.kind !== "map") {
    const tag = root.kind === "seq" ? "array" : typeof root.value === "string" ? "string" : typeof root.value;
    problems.push({
      code: "vars-file",
      severity: "error",
      message: `could not unmarshal template variables (${path}): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${tag} into Go value of type vars.StaticVariables`,
      ...at(root.offset),
    });
    return undefined;
  }
  const vars = new Map<string, VarValue>();
  for (const e of root.entries) vars.set(e.key, varValueFromNode(e.value, "-l", "float64", { path, lines: read.lines }));
  return { label: path, vars };
}

/** A var found in the given vars, or why it could not be read. */
export type VarLookup =
  | { readonly found: true; readonly value: VarValue; readonly layer: VarLayer }
  | { readonly found: false; readonly error?: string | undefined };

/** Looks a reference up as `vars.MultiVars` over `vars.StaticVariables` does. */
export function lookupVar(sources: VarSources, ref: VarReference): VarLookup {
  for (const layer of sources.layers) {
    let value = layer.vars.get(ref.path);
    if (value === undefined) continue;
    const name = formatVarReference(ref);
    for (const field of ref.fields) {
      if (value.kind !== "map") {
        return { found: false, error: `cannot access field '${field}' of non-map value ('${goTypeOf(value)}') from var: ${name}` };
      }
      const next: VarValue | undefined = value.entries.get(field);
      if (next === undefined) return { found: false, error: `missing field '${field}' in var: ${name}` };
      value = next;
    }
    return { found: true, value, layer };
  }
  return { found: false };
}
