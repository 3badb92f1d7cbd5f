/**
 * Test-only reference: the `yaml`-package renderer that the direct emitter in
 * `packages/sdk/src/render/to-yaml.ts` replaced, kept unchanged in behaviour so that
 * `emitter-differential.test.ts` can check the emitter writes the same bytes.
 *
 * Config model to YAML text, as Concourse will read it.
 *
 * Concourse parses pipelines with go-yaml v2, a YAML 1.1 reader: unquoted `on`, `yes`, `y`,
 * `0755` or `1_000` are not strings there. The npm `yaml` package writes YAML 1.2, so left
 * alone it would emit `branch: on` for the string "on", and Concourse would see `true`.
 * Every string go-yaml v2 would misread is therefore double-quoted (see
 * {@link needsQuotesForConcourse}), and so is every string the YAML 1.1 spec's number
 * patterns match, for other 1.1 readers; everything else is left to the library, which
 * quotes its own syntax (`: `, ` #`, leading indicators). The output is deterministic:
 * same config, same bytes.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/resolve.go
 */
import { Document, isMap, isScalar, isSeq, Scalar, type ToStringOptions, visit } from "yaml";
import type { PipelineConfig } from "../../../packages/sdk/src/model/pipeline.ts";
import { canonicalPipeline } from "../../../packages/sdk/src/render/canonical.ts";
import { needsQuotesForConcourse } from "../../../packages/sdk/src/yaml11/resolve.ts";

/** Options of {@link toYaml}. */
export interface ToYamlOptions {
  /** Lines written as `# ` comments above the pipeline (see `generatedHeader`). */
  readonly header?: readonly string[] | undefined;
}

/**
 * Characters that go-yaml v2 either rejects when written raw (C1 controls, U+FFFE, U+FFFF),
 * reads as a line break (U+0085, U+2028, U+2029) or may skip (U+FEFF). JSON.stringify,
 * which the `yaml` package uses for double quotes, leaves them raw, so strings holding
 * them are double-quoted and the characters escaped after stringifying.
 */
const RAW_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const RAW_UNSAFE_ALL = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/**
 * The library's YAML 1.2 core schema: {@link needsQuotesForConcourse} decides what YAML 1.1
 * needs quoted. (The library's own 1.1 mode would over-quote, e.g. `path: "."`, and writes
 * a `<<` key plain whatever style it is given, which go-yaml v2 reads as a merge.) No merge
 * keys and no anchors, even for an object used twice, so every part reads on its own.
 */
const DOCUMENT_OPTIONS = { version: "1.2", merge: false, aliasDuplicateObjects: false } as const;

/** Top-level sequences whose items get a blank line between them, for readability. */
const SPACED_LISTS: ReadonlySet<string> = new Set(["resource_types", "resources", "jobs"]);

/**
 * Fixed formatting: no folding (a folded line would change shell scripts and make diffs
 * noisy), sequences flush with their key like the Concourse docs, double-quoted strings on
 * one line with `\n` escapes rather than the multi-line double-quoted form.
 */
const TO_STRING_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: false,
  lineWidth: 0,
  minContentWidth: 0,
  directives: false,
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
};

/**
 * The YAML 1.1 spec's int and float patterns, as PyYAML applies them. go-yaml v2 reads a
 * few of these as strings (`.5_`, `0b_`), so {@link needsQuotesForConcourse} lets them
 * through; they are quoted anyway, so that other YAML 1.1 tools read the same pipeline.
 */
const YAML11_INT = /^[-+]?(?:0b[0-1_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const YAML11_FLOAT =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/;

/** True when a YAML 1.1 reader would not read `text`, written plain, as that string. */
function needsQuotes(text: string): boolean {
  return needsQuotesForConcourse(text) || YAML11_INT.test(text) || YAML11_FLOAT.test(text);
}

/** C0 control characters other than tab and line feed can only be written escaped, in double quotes. */
function hasC0Control(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a) return true;
  }
  return false;
}

/**
 * True when `text` can be written as a block literal (`|` or `|-`) that reads back exactly.
 * Keep-chomped blocks (`|+`, text ending in a blank line) are excluded: their trailing
 * blank lines stand in for the blank line the layout puts between items (the library then
 * drops it), and at the end of the file they would leave more than one final newline.
 * Whitespace-only text and whitespace-only last lines cannot be written as a block at all.
 */
function fitsBlockLiteral(text: string): boolean {
  if (!text.includes("\n") || !/[^\n\t ]/.test(text) || RAW_UNSAFE.test(text)) return false;
  if (hasC0Control(text)) return false;
  // go-yaml v2 (like libyaml) rejects a tab before the first content when it detects the indentation.
  if (/^[\n ]*\t/.test(text)) return false;
  const trailing = /[\n\t ]*$/.exec(text)?.[0] ?? "";
  return /^[\t ]*\n?$/.test(trailing);
}

/**
 * Chooses the style of one string scalar. A one-line string with a tab is double-quoted
 * too: go-yaml v2 reads a plain tab correctly, but PyYAML and some editors do not, and
 * `\t` is clearer to a reader.
 */
function styleString(node: Scalar, text: string, isKey: boolean): void {
  const tabbed = text.includes("\t") && !text.includes("\n");
  if (needsQuotes(text) || RAW_UNSAFE.test(text) || tabbed) node.type = Scalar.QUOTE_DOUBLE;
  else if (!isKey && text.includes("\n")) node.type = fitsBlockLiteral(text) ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
}

/** Blank lines between top-level sections, and between resources, resource types and jobs. */
function addBlankLines(doc: Document): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  root.items.forEach((pair, index) => {
    if (index > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    if (!isScalar(pair.key) || !SPACED_LISTS.has(String(pair.key.value)) || !isSeq(pair.value)) return;
    pair.value.items.forEach((item, itemIndex) => {
      if (itemIndex > 0 && (isMap(item) || isSeq(item) || isScalar(item))) item.spaceBefore = true;
    });
  });
}

/**
 * Renders header lines as comments. A line holding a line break (for go-yaml v2 that
 * includes U+0085, U+2028 and U+2029) becomes several comment lines, so that nothing after
 * the break is read as YAML; characters go-yaml v2 rejects become U+FFFD.
 */
function renderHeader(header: readonly string[]): string {
  const printable = (line: string): string => [...line].map((c) => (hasC0Control(c) || RAW_UNSAFE.test(c) ? "\ufffd" : c)).join("");
  const lines = header.flatMap((line) => line.split(/\r\n|[\r\n\u0085\u2028\u2029]/));
  return `${lines.map((line) => (line === "" ? "#" : `# ${printable(line)}`.trimEnd())).join("\n")}\n\n`;
}

/**
 * Renders a pipeline config as Concourse YAML: canonical key order, every string go-yaml v2
 * would misread double-quoted, multi-line scripts as block literals, one blank line between
 * sections and between resources and jobs, and exactly one final newline. Throws an Error
 * naming the path of a value YAML cannot carry faithfully (a non-finite number, for one).
 */
export function toYaml(config: PipelineConfig, options: ToYamlOptions = {}): string {
  const doc = new Document(canonicalPipeline(config), DOCUMENT_OPTIONS);
  visit(doc, {
    Scalar(key, node) {
      if (typeof node.value === "string") styleString(node, node.value, key === "key");
    },
  });
  addBlankLines(doc);
  const body = doc
    .toString(TO_STRING_OPTIONS)
    .replace(RAW_UNSAFE_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
  const header = options.header === undefined || options.header.length === 0 ? "" : renderHeader(options.header);
  return header + body;
}
