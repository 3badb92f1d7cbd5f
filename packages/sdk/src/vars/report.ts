/**
 * Vars accounting (`sdk lint --vars-report`): which `((vars))` a pipeline needs, which of
 * them the given vars files and flags cover (and where), which a `var_sources` entry or the
 * credential manager must supply at run time, which nothing can supply, and which given vars
 * the pipeline never uses.
 *
 * @see https://concourse-ci.org/vars.html
 */
import { oneLineSafe } from "../diagnostics/terminal-safe.ts";
import type { YNode } from "../yaml/ynode.ts";
import { entry } from "../yaml/ynode.ts";
import type { VarUse } from "./interpolate.ts";
import type { VarSources } from "./sources.ts";
import { describeOrigin } from "./value.ts";

/** A use of a var at a place in the pipeline file. */
export type PlacedVarUse = VarUse & { readonly line: number; readonly column: number };

/** Who supplies a var. */
export type VarSupplier =
  /** The given `-v/-y/-i/-l` vars: fly fills it in. */
  | "given"
  /** A `var_sources` entry of the pipeline, at run time. */
  | "var-source"
  /** The cluster's credential manager, at run time. */
  | "credential-manager"
  /** A `load_var`, `across` or get metadata of the build (`((.:x))`). */
  | "local"
  /** Nothing: `((src:x))` with no var source `src`. */
  | "nobody";

/** One var the pipeline needs. */
export interface NeededVar {
  /** `name` or `source:name`. */
  readonly identity: string;
  readonly supplier: VarSupplier;
  /** Where the value comes from: `vars/prod.yml:3:1`, `-y`, `var_sources 'vault'`. */
  readonly from: string | undefined;
  /** Lines of the pipeline file that use it. */
  readonly lines: readonly number[];
  /** First place it is used. */
  readonly first: { readonly line: number; readonly column: number };
}

/** A var given but not used. */
export interface UnusedVar {
  readonly name: string;
  readonly from: string;
}

/** The accounting of one pipeline file. */
export interface VarsReport {
  readonly needed: readonly NeededVar[];
  readonly unused: readonly UnusedVar[];
}

/** The names of the pipeline's `var_sources`, read from the raw tree (decode may have failed). */
export function varSourceNames(root: YNode | undefined): Set<string> {
  const names = new Set<string>();
  const list = root?.kind === "map" ? entry(root, "var_sources")?.value : undefined;
  if (list?.kind !== "seq") return names;
  for (const item of list.items) {
    const name = item.kind === "map" ? entry(item, "name")?.value : undefined;
    if (name?.kind === "scalar" && name.value !== null) names.add(String(name.value));
  }
  return names;
}

/** Builds the accounting from the uses lintYaml found and the vars given. */
export function buildVarsReport(uses: readonly PlacedVarUse[], sources: VarSources, varSources: ReadonlySet<string>): VarsReport {
  const needed = new Map<string, { supplier: VarSupplier; from: string | undefined; lines: number[]; first: PlacedVarUse }>();
  const used = new Set<string>();
  for (const use of uses) {
    const ref = use.ref;
    if (ref?.source === undefined && ref) used.add(ref.path);
    const known = needed.get(use.identity);
    if (known) {
      if (!known.lines.includes(use.line)) known.lines.push(use.line);
      continue;
    }
    let supplier: VarSupplier;
    let from: string | undefined;
    if (use.value) {
      supplier = "given";
      from = describeOrigin(use.value.origin);
    } else if (ref?.source === ".") supplier = "local";
    else if (ref?.source !== undefined) {
      supplier = varSources.has(ref.source) ? "var-source" : "nobody";
      from = varSources.has(ref.source) ? `var_sources '${ref.source}'` : undefined;
    } else supplier = "credential-manager";
    needed.set(use.identity, { supplier, from, lines: [use.line], first: use });
  }
  const unused: UnusedVar[] = [];
  for (const layer of sources.layers) {
    for (const [name, value] of layer.vars) {
      if (!used.has(name)) unused.push({ name, from: describeOrigin(value.origin) });
    }
  }
  return {
    needed: [...needed].map(([identity, n]) => ({
      identity,
      supplier: n.supplier,
      from: n.from,
      lines: n.lines,
      first: { line: n.first.line, column: n.first.column },
    })),
    unused,
  };
}

const HEADINGS: ReadonlyArray<[VarSupplier, string]> = [
  ["given", "given (fly fills these in before Concourse sees the pipeline)"],
  ["var-source", "from the pipeline's var_sources, at run time"],
  ["credential-manager", "left for the credential manager, at run time"],
  ["local", "local vars of the build (load_var, across)"],
  ["nobody", "nothing can supply these (no such var source)"],
];

/** Formats the accounting for people. */
export function formatVarsReport(file: string, report: VarsReport): string {
  // Names and places come from the pipeline and the vars files: one line each, no control
  // character, no CI workflow command (diagnostics/terminal-safe.ts).
  const lines = [`${oneLineSafe(file)}: ${report.needed.length} var(s) needed`];
  for (const [supplier, heading] of HEADINGS) {
    const vars = report.needed.filter((v) => v.supplier === supplier);
    if (vars.length === 0) continue;
    lines.push(`  ${heading}:`);
    for (const v of vars) {
      const at = `line${v.lines.length === 1 ? "" : "s"} ${v.lines.join(", ")}`;
      lines.push(`    ${oneLineSafe(v.identity)}${v.from ? ` <- ${oneLineSafe(v.from)}` : ""} (${at})`);
    }
  }
  if (report.unused.length > 0) {
    lines.push("  given but never used:");
    for (const u of report.unused) lines.push(`    ${oneLineSafe(u.name)} (${oneLineSafe(u.from)})`);
  }
  return `${lines.join("\n")}\n`;
}
