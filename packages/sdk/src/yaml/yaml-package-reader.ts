/**
 * The complete YAML reader: the `yaml` package's `parseDocument` (failsafe schema), whose
 * Document is then turned into contrail's tree. It handles every input, with the `yaml`
 * package's syntax errors; `parse.ts` runs it whenever the fast reader gives up.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/fly/commands/internal/templatehelpers/yaml_template.go
 */
import type { Node, Scalar } from "yaml";
import { EXCESSIVE_ALIASING, excessiveAliasingAt } from "./aliasing.ts";
import type { LineIndex } from "./line-index.ts";
import { MappingBuilder } from "./mapping.ts";
import { type ParsedYaml, topLevelProblem, type YamlProblem } from "./parsed.ts";
import { toScalar } from "./scalar.ts";
import { yamlPackage } from "./yaml-package.ts";
import type { YMap, YNode, YScalar } from "./ynode.ts";

type YamlNode = Node | null | undefined;

const TAG_PREFIX = "tag:yaml.org,2002:";

/** What contrail says of nesting deeper than its YAML reader goes. */
export const TOO_DEEP =
  "yaml: the document nests too deeply for contrail to read (several hundred levels); no pipeline needs that, so flatten it";

class Reader {
  readonly problems: YamlProblem[] = [];
  readonly nonFinite: YScalar[] = [];
  readonly anchors = new Map<string, YNode>();
  private readonly done = new Map<Node, YNode>();

  private readonly lines: LineIndex;

  constructor(lines: LineIndex) {
    this.lines = lines;
  }

  node(n: YamlNode, fallbackOffset: number): YNode {
    const { isAlias, isMap, isScalar, isSeq } = yamlPackage();
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
    return toScalar(text, n.type === "PLAIN" || n.type === undefined, tag, offset, this.nonFinite);
  }

  private map(items: readonly unknown[], offset: number): YMap {
    const { isPair, isScalar } = yamlPackage();
    const builder = new MappingBuilder(this.problems, this.lines);
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode;
      const keyOffset = keyNode?.range?.[0] ?? offset;
      if (isScalar(keyNode)) {
        const raw = typeof keyNode.value === "string" ? keyNode.value : String(keyNode.value);
        builder.checkDuplicate(raw, keyOffset);
        if (keyNode.type === "PLAIN" && raw === "<<" && !keyNode.tag) {
          builder.merge(this.node(pair.value as YamlNode, keyOffset), keyOffset);
          continue;
        }
      }
      const key = builder.key(this.node(keyNode, keyOffset), keyOffset);
      const value = this.node(pair.value as YamlNode, keyOffset);
      if (key !== undefined) builder.set({ key, keyOffset, value });
    }
    return builder.build(offset);
  }
}

/**
 * Reads YAML (or JSON) text with the `yaml` package. Never throws: problems are returned
 * with their offsets. Only the first document is read, as go-yaml does.
 */
export function readWithYamlPackage(text: string, lines: LineIndex): ParsedYaml {
  const { parseDocument } = yamlPackage();
  const doc = parseDocument(text, { uniqueKeys: false, schema: "failsafe", strict: false, prettyErrors: false });
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
  const top = topLevelProblem(root);
  if (top) reader.problems.push(top);
  return { root, problems: reader.problems, nonFinite: reader.nonFinite, lines, anchors: reader.anchors, laterDocument };
}
