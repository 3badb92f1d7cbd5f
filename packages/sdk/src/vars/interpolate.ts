/**
 * fly's template pass (`vars.Template.Evaluate` with `ExpectAllKeys: false`), on the parsed
 * tree so that every node keeps its place in the original file:
 *
 * - a string that is exactly one `((var))` becomes the var's value, typed (a map, a bool...);
 * - vars inside a longer string are embedded, which fly allows only for strings and integer
 *   types (`cannot interpolate non-primitive value (float64) from var: port`);
 * - keys are interpolated too;
 * - vars with a source (`((vault:x))`, `((.:local))`) and vars not given are left as they are,
 *   for the credential manager or the build.
 *
 * A substituted value is placed at the offset of the `((var))` it replaces, so problems Concourse
 * finds in it point at the field in the pipeline file.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/vars/template.go
 */
import { goFormatFloat } from "../go/format.ts";
import type { YEntry, YNode } from "../yaml/ynode.ts";
import { parseVarReference, type VarReference, varIdentity, varNamesIn, WHOLE_VAR } from "./reference.ts";
import { lookupVar, type VarLayer, type VarSources } from "./sources.ts";
import { embeddedText, goTypeOf, type VarValue, varValueToNode } from "./value.ts";

/** One `((var))` in the pipeline. */
export interface VarUse {
  /** The text between the parentheses. */
  readonly name: string;
  /** The parsed reference (undefined when it does not parse). */
  readonly ref: VarReference | undefined;
  /** Source and name without fields (`vault:creds`), for accounting. */
  readonly identity: string;
  /** Offset of the scalar (or key) holding it. */
  readonly offset: number;
  /** True when it is in a mapping key. */
  readonly inKey: boolean;
  /** True when the whole scalar is this one var (the value replaces it, typed). */
  readonly whole: boolean;
  /** The value fly would put in, when the given vars have it. */
  readonly value?: VarValue | undefined;
  /** The layer (flags or vars file) that has it. */
  readonly layer?: VarLayer | undefined;
}

/** A problem fly's template pass stops at. */
export interface InterpolationProblem {
  readonly message: string;
  readonly offset: number;
  /** The use it is about. */
  readonly use?: VarUse | undefined;
}

/** The interpolated tree, and what was found on the way. */
export interface Interpolated {
  readonly root: YNode | undefined;
  readonly uses: readonly VarUse[];
  readonly problems: readonly InterpolationProblem[];
  /** Nodes that hold (or embed) a var's value. */
  readonly substituted: WeakSet<YNode>;
}

class Interpolator {
  readonly uses: VarUse[] = [];
  readonly problems: InterpolationProblem[] = [];
  readonly substituted = new WeakSet<YNode>();
  private readonly sources: VarSources;

  constructor(sources: VarSources) {
    this.sources = sources;
  }

  node(n: YNode): YNode {
    if (n.kind === "seq") {
      const items = n.items.map((item) => this.node(item));
      return items.every((item, i) => item === n.items[i]) ? n : { ...n, items };
    }
    if (n.kind === "map") return this.map(n);
    if (typeof n.value !== "string") return n;
    const result = this.string(n.value, n.offset, false);
    if (result === n.value) return n;
    const out = typeof result === "string" ? { kind: "scalar" as const, value: result, tag: "str" as const, offset: n.offset } : result;
    this.mark(out);
    return out;
  }

  private map(n: YNode & { kind: "map" }): YNode {
    const entries: YEntry[] = [];
    const index = new Map<string, number>();
    let changed = false;
    for (const e of n.entries) {
      // Go interpolates the value first, then the key.
      const value = this.node(e.value);
      const key = this.key(e);
      if (value !== e.value || key !== e.key) changed = true;
      const out = { key, keyOffset: e.keyOffset, value };
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, entries.length);
        entries.push(out);
      } else {
        // Two keys that interpolate to the same one: Go's map keeps one of them.
        entries[at] = out;
        changed = true;
      }
    }
    return changed ? { ...n, entries } : n;
  }

  private key(e: YEntry): string {
    const result = this.string(e.key, e.keyOffset, true);
    if (typeof result === "string") return result;
    if (result.kind === "scalar" && result.value !== null) {
      if (typeof result.value !== "number") return String(result.value);
      return result.tag === "int" ? String(result.value) : goFormatFloat(result.value);
    }
    const what = result.kind === "scalar" ? "null" : result.kind === "map" ? "a map" : "a list";
    this.problems.push({ message: `the key ${e.key} interpolates to ${what}; a mapping key must be a string`, offset: e.keyOffset });
    return e.key;
  }

  /** Interpolates one string; returns the new string, or the node replacing it. */
  private string(text: string, offset: number, inKey: boolean): string | YNode {
    let out = text;
    for (const name of varNamesIn(text)) {
      const parsed = parseVarReference(name);
      if ("error" in parsed) {
        this.problems.push({ message: parsed.error, offset });
        this.uses.push({ name, ref: undefined, identity: name, offset, inKey, whole: false });
        return text;
      }
      const whole = WHOLE_VAR.test(out);
      // fly fills only vars without a source; the others are resolved at run time.
      const lookup = parsed.source === undefined ? lookupVar(this.sources, parsed) : { found: false as const };
      const use: VarUse = {
        name,
        ref: parsed,
        identity: varIdentity(parsed),
        offset,
        inKey,
        whole,
        ...(lookup.found ? { value: lookup.value, layer: lookup.layer } : {}),
      };
      this.uses.push(use);
      if (!lookup.found) {
        if (lookup.error !== undefined) {
          this.problems.push({ message: lookup.error, offset, use });
          return text;
        }
        continue;
      }
      if (whole) return varValueToNode(lookup.value, offset);
      const embedded = embeddedText(lookup.value);
      if (embedded === undefined) {
        this.problems.push({
          message: `cannot interpolate non-primitive value (${goTypeOf(lookup.value)}) from var: ${name}`,
          offset,
          use,
        });
        return text;
      }
      out = out.replaceAll(`((${name}))`, embedded);
    }
    return out;
  }

  private mark(n: YNode): void {
    this.substituted.add(n);
    if (n.kind === "seq") for (const item of n.items) this.mark(item);
    if (n.kind === "map") for (const e of n.entries) this.mark(e.value);
  }
}

/**
 * Interpolates the given vars into a parsed pipeline as `fly set-pipeline` does before it
 * sends the pipeline. Never throws; problems are returned with the offset of the var.
 */
export function interpolateVars(root: YNode | undefined, sources: VarSources): Interpolated {
  const interpolator = new Interpolator(sources);
  const out = root ? interpolator.node(root) : undefined;
  return { root: out, uses: interpolator.uses, problems: interpolator.problems, substituted: interpolator.substituted };
}
