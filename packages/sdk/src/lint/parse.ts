/**
 * Stage 1 of `sdk lint`: YAML. Parses the first document with the `yaml` package, applies the
 * checks of fly's go.yaml.in/yaml/v3 pre-check (duplicate keys at any depth, syntax, a mapping
 * at the top) and reads scalars, keys, anchors and `<<` merges the way go-yaml v2 does.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/fly/commands/internal/templatehelpers/yaml_template.go
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, type Scalar } from "yaml";
import { goFormatFloat, goQuote } from "../go/format.ts";
import { resolvePlainScalar } from "../yaml11/resolve.ts";
import { EXCESSIVE_ALIASING, excessiveAliasingAt } from "./aliasing.ts";
import type { YEntry, YMap, YNode, YScalar } from "./ynode.ts";

/** A problem found while reading the YAML, at a source offset. */
export interface YamlProblem {
  /** `yaml-syntax`, `yaml-duplicate-key`, `yaml-invalid-key` or `yaml-top-level`. */
  readonly code: string;
  /** The message, in go-yaml's words where it has some. */
  readonly message: string;
  /** Offset of the offending node. */
  readonly offset: number;
}

/** The result of reading a file. */
export interface ParsedYaml {
  /** The top-level node; undefined for an empty document or when the YAML is unusable. */
  readonly root: YNode | undefined;
  /** Problems that make fly refuse the file before decoding. */
  readonly problems: readonly YamlProblem[];
  /** Scalars that are ±Inf or NaN, which fail the YAML-to-JSON conversion. */
  readonly nonFinite: readonly YScalar[];
  /** Maps offsets to 1-based line and column. */
  readonly lines: LineCounter;
  /** Each anchor's node (the last one of a name wins, as aliases after it see it); for `sdk import`. */
  readonly anchors?: ReadonlyMap<string, YNode>;
  /** Where a second YAML document starts, which Concourse ignores (with the rest). */
  readonly laterDocument?: number | undefined;
}

type YamlNode = Node | null | undefined;

const TAG_PREFIX = "tag:yaml.org,2002:";

class Reader {
  readonly problems: YamlProblem[] = [];
  readonly nonFinite: YScalar[] = [];
  readonly anchors = new Map<string, YNode>();
  private readonly done = new Map<Node, YNode>();

  private readonly lines: LineCounter;

  constructor(lines: LineCounter) {
    this.lines = lines;
  }

  node(n: YamlNode, fallbackOffset: number): YNode {
    if (!n) return { kind: "scalar", value: null, tag: "null", offset: fallbackOffset };
    const seen = this.done.get(n);
    if (seen) return seen;
    let out: YNode;
    if (isAlias(n)) {
      const target = this.anchors.get(n.source);
      if (!target) {
        this.problems.push({
          code: "yaml-syntax",
          message: `unknown anchor '${n.source}' referenced`,
          offset: n.range?.[0] ?? fallbackOffset,
        });
        out = { kind: "scalar", value: null, tag: "null", offset: n.range?.[0] ?? fallbackOffset };
      } else out = target;
      return out;
    }
    const offset = n.range?.[0] ?? fallbackOffset;
    if (isScalar(n)) out = this.scalar(n, offset);
    else if (isSeq(n)) out = { kind: "seq", items: n.items.map((item) => this.node(item as YamlNode, offset)), offset };
    else if (isMap(n)) out = this.map(n.items, offset);
    else out = { kind: "scalar", value: null, tag: "null", offset };
    this.done.set(n, out);
    if (n.anchor) this.anchors.set(n.anchor, out);
    return out;
  }

  private scalar(n: Scalar, offset: number): YScalar {
    const text = typeof n.value === "string" ? n.value : String(n.value ?? "");
    const tag = n.tag?.startsWith(TAG_PREFIX) ? n.tag.slice(TAG_PREFIX.length) : n.tag;
    if (tag === "str" || (n.type !== "PLAIN" && n.type !== undefined && tag === undefined)) {
      return { kind: "scalar", value: text, tag: "str", offset };
    }
    const resolved = resolvePlainScalar(text);
    if (resolved.tag === "merge") return { kind: "scalar", value: "<<", tag: "str", offset };
    const out: YScalar = { kind: "scalar", value: resolved.value, tag: resolved.tag, offset };
    if (typeof resolved.value === "number" && !Number.isFinite(resolved.value)) this.nonFinite.push(out);
    return out;
  }

  private map(items: readonly unknown[], offset: number): YMap {
    const entries: YEntry[] = [];
    const index = new Map<string, number>();
    const firstLine = new Map<string, number>();
    const set = (e: YEntry): void => {
      const at = index.get(e.key);
      if (at === undefined) {
        index.set(e.key, entries.length);
        entries.push(e);
      } else entries[at] = e;
    };
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode;
      const keyOffset = keyNode?.range?.[0] ?? offset;
      // yaml.v3's duplicate check compares the keys' source text (`"a"` and `a` collide).
      if (isScalar(keyNode)) {
        const raw = typeof keyNode.value === "string" ? keyNode.value : String(keyNode.value);
        const first = firstLine.get(raw);
        if (first !== undefined) {
          this.problems.push({
            code: "yaml-duplicate-key",
            message: `mapping key ${goQuote(raw)} already defined at line ${this.lines.linePos(first).line}`,
            offset: keyOffset,
          });
        } else firstLine.set(raw, keyOffset);
        if (keyNode.type === "PLAIN" && raw === "<<" && !keyNode.tag) {
          this.merge(pair.value as YamlNode, keyOffset, set);
          continue;
        }
      }
      const key = this.key(keyNode, keyOffset);
      const value = this.node(pair.value as YamlNode, keyOffset);
      if (key !== undefined) set({ key, keyOffset, value });
    }
    return { kind: "map", entries, offset };
  }

  /** go-yaml v2 merges: a mapping, or a list of them where earlier ones win. */
  private merge(value: YamlNode, offset: number, set: (e: YEntry) => void): void {
    const node = this.node(value, offset);
    const sources = node.kind === "seq" ? [...node.items].reverse() : [node];
    for (const source of sources) {
      if (source.kind !== "map") {
        this.problems.push({ code: "yaml-syntax", message: "map merge requires map or sequence of maps as the value", offset });
        return;
      }
      for (const e of source.entries) set(e);
    }
  }

  /** Turns a key into the string JSON will see, as sigs.k8s.io/yaml does. */
  private key(keyNode: YamlNode, offset: number): string | undefined {
    const node = this.node(keyNode, offset);
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

/**
 * Parses YAML (or JSON) text. Never throws: problems are returned with their offsets.
 * Only the first document is read, as go-yaml does.
 */
export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, schema: "failsafe", strict: false, prettyErrors: false });
  const reader = new Reader(lines);
  const end = doc.range[2];
  let laterDocument: number | undefined;
  let tooDeep = false;
  for (const error of doc.errors) {
    if (error.code === "MULTIPLE_DOCS") {
      laterDocument ??= error.pos[0];
      continue;
    }
    if (error.pos[0] > end) continue;
    if (/Maximum call stack size exceeded/.test(error.message)) {
      // The yaml package recurses per level and runs out of stack long before go-yaml's
      // own limit (10,000 levels, "exceeded max depth of 10000"): say so once, plainly.
      if (!tooDeep) reader.problems.push({ code: "yaml-syntax", message: TOO_DEEP, offset: error.pos[0] });
      tooDeep = true;
      continue;
    }
    reader.problems.push({
      code: "yaml-syntax",
      message: `yaml: ${error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "")}`,
      offset: error.pos[0],
    });
  }
  const base = { nonFinite: [], lines, laterDocument };
  if (reader.problems.length > 0) return { root: undefined, problems: reader.problems, ...base };
  const bomb = excessiveAliasingAt(doc);
  if (bomb !== undefined) {
    return { root: undefined, problems: [{ code: "yaml-syntax", message: EXCESSIVE_ALIASING, offset: bomb }], ...base };
  }
  let root: YNode | undefined;
  try {
    root = doc.contents ? reader.node(doc.contents as Node, 0) : undefined;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { root: undefined, problems: [{ code: "yaml-syntax", message: TOO_DEEP, offset: 0 }], ...base };
  }
  if (root && root.kind !== "map" && !(root.kind === "scalar" && root.value === null)) {
    const tag = root.kind === "seq" ? "!!seq" : `!!${root.tag}`;
    reader.problems.push({ code: "yaml-top-level", message: `cannot unmarshal ${tag} into map[string]interface {}`, offset: root.offset });
  }
  return { root, problems: reader.problems, nonFinite: reader.nonFinite, lines, anchors: reader.anchors, laterDocument };
}

/** What contrail says of nesting deeper than its YAML reader goes. */
export const TOO_DEEP =
  "yaml: the document nests too deeply for contrail to read (several hundred levels); no pipeline needs that, so flatten it";
