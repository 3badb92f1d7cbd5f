/**
 * One mapping as go-yaml v2 and sigs.k8s.io/yaml build it, shared by both readers: keys
 * become the strings JSON sees, later keys override earlier ones, `<<` merges, and the
 * duplicate-key check of fly's yaml.v3 pre-check (which compares the keys' source text, so
 * `"a"` and `a` collide).
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/decode.go (mapping, merge)
 */
import { goFormatFloat, goQuote } from "../go/format.ts";
import type { LineIndex } from "./line-index.ts";
import type { YamlProblem } from "./parsed.ts";
import type { YEntry, YMap, YNode } from "./ynode.ts";

/**
 * An array grown by `push` keeps room for more (16 slots at least); a large pipeline holds
 * tens of thousands of short ones, so finished ones are copied to their exact size.
 */
export function exactArray<T>(items: T[]): T[] {
  return items.length < 16 ? items.slice() : items;
}

/** Up to this many keys, a search in turn beats a Map (and allocates nothing). */
const LINEAR = 12;

/** Collects the entries of one mapping, in source order, reporting as it goes. */
export class MappingBuilder {
  private readonly entries: YEntry[] = [];
  /** Keys' source texts and where each first appeared; searched in turn until there are many (most mappings hold a few keys). */
  private readonly raws: string[] = [];
  private readonly rawOffsets: number[] = [];
  private rawIndex: Map<string, number> | undefined;
  private entryIndex: Map<string, number> | undefined;
  private readonly problems: YamlProblem[];
  private readonly lines: LineIndex;

  constructor(problems: YamlProblem[], lines: LineIndex) {
    this.problems = problems;
    this.lines = lines;
  }

  /** yaml.v3's duplicate check, on a scalar key's text. */
  checkDuplicate(raw: string, keyOffset: number): void {
    const at = this.findRaw(raw);
    if (at !== -1) {
      this.problems.push({
        code: "yaml-duplicate-key",
        message: `mapping key ${goQuote(raw)} already defined at line ${this.lines.linePos(this.rawOffsets[at] as number).line}`,
        offset: keyOffset,
      });
      return;
    }
    this.rawIndex?.set(raw, this.raws.length);
    this.raws.push(raw);
    this.rawOffsets.push(keyOffset);
    if (this.rawIndex === undefined && this.raws.length > LINEAR) this.rawIndex = new Map(this.raws.map((r, i) => [r, i]));
  }

  private findRaw(raw: string): number {
    if (this.rawIndex) return this.rawIndex.get(raw) ?? -1;
    return this.raws.indexOf(raw);
  }

  private findEntry(key: string): number {
    if (this.entryIndex) return this.entryIndex.get(key) ?? -1;
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) if ((entries[i] as YEntry).key === key) return i;
    return -1;
  }

  /** Sets a key (a later one replaces an earlier one in place, as in a Go map). */
  set(e: YEntry): void {
    const at = this.findEntry(e.key);
    if (at !== -1) {
      this.entries[at] = e;
      return;
    }
    this.entryIndex?.set(e.key, this.entries.length);
    this.entries.push(e);
    if (this.entryIndex === undefined && this.entries.length > LINEAR) this.entryIndex = new Map(this.entries.map((x, i) => [x.key, i]));
  }

  /** go-yaml v2 merges: a mapping, or a list of them where earlier ones win. */
  merge(node: YNode, offset: number): void {
    const sources = node.kind === "seq" ? [...node.items].reverse() : [node];
    for (const source of sources) {
      if (source.kind !== "map") {
        this.problems.push({ code: "yaml-syntax", message: "map merge requires map or sequence of maps as the value", offset });
        return;
      }
      for (const e of source.entries) this.set(e);
    }
  }

  /** Turns a key node into the string JSON will see, as sigs.k8s.io/yaml does; undefined (reported) when it cannot be one. */
  key(node: YNode, offset: number): string | undefined {
    if (node.kind !== "scalar") {
      this.problems.push({ code: "yaml-invalid-key", message: `invalid map key: ${goSyntax(node)}`, offset });
      return undefined;
    }
    if (node.value === null) {
      this.problems.push({ code: "yaml-invalid-key", message: "invalid map key: <nil>", offset });
      return undefined;
    }
    if (typeof node.value === "number") return node.tag === "int" ? String(node.value) : goFormatFloat(node.value);
    return String(node.value);
  }

  /** The finished mapping. */
  build(offset: number): YMap {
    return { kind: "map", entries: exactArray(this.entries), offset };
  }
}

/** Go's `%#v` of a decoded YAML value, for `invalid map key` messages. */
function goSyntax(node: YNode): string {
  if (node.kind === "map") {
    const parts = [...node.entries].sort((a, b) => (a.key < b.key ? -1 : 1)).map((e) => `${goQuote(e.key)}:${goSyntaxValue(e.value)}`);
    return `map[string]interface {}{${parts.join(", ")}}`;
  }
  if (node.kind === "seq") return `[]interface {}{${node.items.map(goSyntaxValue).join(", ")}}`;
  return goSyntaxValue(node);
}

function goSyntaxValue(node: YNode): string {
  if (node.kind !== "scalar") return `interface {}(${goSyntax(node)})`;
  if (node.value === null) return "interface {}(nil)";
  if (typeof node.value === "string") return goQuote(node.value);
  return String(node.value);
}
