/**
 * Config model to YAML text, as Concourse will read it.
 *
 * Concourse parses pipelines with go-yaml v2, a YAML 1.1 reader: unquoted `on`, `yes`, `y`,
 * `0755` or `1_000` are not strings there. Every string go-yaml v2 would misread is
 * therefore double-quoted, and so is every string the YAML 1.1 spec's number patterns match,
 * for other 1.1 readers (see `emit-scalar.ts`). The output is deterministic: same config,
 * same bytes.
 *
 * The text is written directly into a UTF-8 buffer, in one pass over the config, in the
 * canonical key order of `key-order.ts` (read from `shapes.ts`, so the config is not copied
 * first). It used to go through the npm `yaml` package, about 80 times slower than
 * JSON.stringify; the layout and quoting are kept byte for byte, and so are the errors (see
 * {@link toYaml}). The library-based version is kept as a test reference, and
 * `test/unit/render/emitter-differential.test.ts` compares the two.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/resolve.go
 */
import type { PipelineConfig } from "../model/pipeline.ts";
import { canonicalPipeline } from "./canonical.ts";
import { emitNumber, emitString, hasC0Control, RAW_UNSAFE } from "./emit-scalar.ts";
import { PIPELINE, type Shape } from "./shapes.ts";
import { Utf8Writer } from "./utf8-writer.ts";

/** Options of {@link toYaml}. */
export interface ToYamlOptions {
  /** Lines written as `# ` comments above the pipeline (see `generatedHeader`). */
  readonly header?: readonly string[] | undefined;
}

/** Top-level sequences whose items get a blank line between them, for readability. */
const SPACED_LISTS: ReadonlySet<string> = new Set(["resource_types", "resources", "jobs"]);

/** The indentation step; sequences sit flush with their key (`key:\n- item`), like the Concourse docs. */
const STEP_INDENT = "  ";

/** A rendered key longer than this is written as an explicit `? key` (YAML caps implicit keys at 1024). */
const MAX_IMPLICIT_KEY = 1024;

/** Thrown on a value `canonicalPipeline` rejects; {@link toYaml} then lets it throw its own error. */
class Unrenderable extends Error {}

/** Any UTF-16 surrogate: a cheap scan first, since nearly no string holds one. */
const SURROGATE = /[\uD800-\uDFFF]/;
/** A surrogate that is not half of a pair (in `u` mode a pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Rejects, like `canonicalPipeline`, a string YAML and UTF-8 cannot carry. */
function checkString(text: string): void {
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) throw new Unrenderable();
}

/** A plain object, as `canonicalPipeline` accepts it (no class instances). */
function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** How many texts each per-depth cache keeps, so that a long-running process does not grow without end. */
const CACHE_LIMIT = 10_000;
/** Strings longer than this are not cached: scripts and the like rarely repeat. */
const CACHED_LENGTH = 64;

/**
 * Rendered strings by depth: keys and short values recur in every job (`name`, `trigger`,
 * `true`, `30m`), and the full quoting rules are the costly part of rendering one. A
 * string's text depends on its depth only through indentation (block literals) and the
 * library's document-marker rule at the top, so caching per depth keeps it exact.
 */
class TextCache<T> {
  private readonly byDepth: Map<string, T>[] = [];
  private readonly render: (text: string, depth: number) => T;

  constructor(render: (text: string, depth: number) => T) {
    this.render = render;
  }

  /** `text` as rendered at `depth`. */
  get(text: string, depth: number): T {
    let cache = this.byDepth[depth];
    if (cache === undefined) {
      cache = new Map();
      this.byDepth[depth] = cache;
    }
    let rendered = cache.get(text);
    if (rendered === undefined) {
      rendered = this.render(text, depth);
      if (cache.size < CACHE_LIMIT && text.length <= CACHED_LENGTH) cache.set(text, rendered);
    }
    return rendered;
  }
}

/** A key's text, and the same with what follows it, so that each is written in one go. */
interface KeyText {
  readonly text: string;
  /** `key: `, before an inline value. */
  readonly inline: string;
  /** `key:`, before a line break. */
  readonly block: string;
}

/** Keys of a mapping at `depth`, written as implicit keys. */
const KEYS = new TextCache<KeyText>((key, depth) => {
  checkString(key);
  const text = emitString(key, true, STEP_INDENT.repeat(depth + 1));
  return { text, inline: `${text}: `, block: `${text}:` };
});

/** Values whose continuation lines sit at `depth`. */
const VALUES = new TextCache<string>((value, depth) => {
  checkString(value);
  return emitString(value, false, STEP_INDENT.repeat(depth));
});

/** Writes one string value, whose continuation lines (in a block literal) sit at `depth`. */
function string(out: Utf8Writer, text: string, depth: number): void {
  if (!out.simplePlain(text)) out.text(VALUES.get(text, depth));
}

/**
 * Writes a value that stands inline after `key: ` or `- `, or a block collection starting
 * on the current line; `depth` is the indentation level of the value's own lines.
 */
function inline(out: Utf8Writer, value: unknown, shape: Shape, depth: number): void {
  switch (typeof value) {
    case "string":
      string(out, value, depth);
      return;
    case "number":
      if (!Number.isFinite(value)) throw new Unrenderable();
      out.text(emitNumber(value));
      return;
    case "boolean":
      out.text(value ? "true" : "false");
      return;
    case "object":
      break;
    default:
      throw new Unrenderable();
  }
  if (value === null) out.text("null");
  else if (Array.isArray(value)) {
    if (value.length === 0) out.text("[]");
    else sequence(out, value, shape.items, depth, false);
  } else if (isPlainObject(value)) {
    if (!mapping(out, value, shape.mapShape(value), depth, false)) out.text("{}");
  } else {
    throw new Unrenderable();
  }
}

/** A block sequence whose items start at `depth` (after the first `- `, which this writes too). */
function sequence(out: Utf8Writer, items: readonly unknown[], shape: Shape, depth: number, spaced: boolean): void {
  for (let index = 0; index < items.length; index++) {
    if (index === 0) out.text("- ");
    else out.item(depth, spaced);
    // A hole in a sparse list reads as null, as it did through the library; `undefined` itself is rejected.
    if (index in items) inline(out, items[index], shape, depth + 1);
    else out.text("null");
  }
}

/** Where a mapping is being written. */
interface MapState {
  readonly out: Utf8Writer;
  readonly depth: number;
  readonly root: boolean;
  first: boolean;
}

/**
 * A block mapping whose keys start at `depth`, in the shape's order; at the root, sections
 * are spaced and some lists too. Returns false, having written nothing, when no key has a value.
 */
function mapping(out: Utf8Writer, map: Record<string, unknown>, shape: Shape, depth: number, root: boolean): boolean {
  const state: MapState = { out, depth, root, first: true };
  const keys = Object.keys(map);
  if (shape.order.length === 0 || inCanonicalOrder(map, keys, shape)) {
    for (const key of keys) pair(state, key, map[key], shape);
  } else {
    for (const key of shape.order) {
      // Reading first skips the ownership check for the many listed keys an object lacks.
      const value = map[key];
      if (value !== undefined && Object.hasOwn(map, key)) pair(state, key, value, shape);
    }
    for (const key of keys) if (!shape.listed.has(key)) pair(state, key, map[key], shape);
  }
  return !state.first;
}

/**
 * True when `keys` (an object's own enumerable keys) are already in the shape's order: the
 * listed ones first, by rank, then the rest; then they can be written as they come, which
 * saves probing the object for every listed key. An object with non-enumerable own keys
 * takes the probing path, since the canonical order includes listed keys that are not enumerable.
 */
function inCanonicalOrder(map: object, keys: readonly string[], shape: Shape): boolean {
  let last = -1;
  for (const key of keys) {
    const rank = shape.rank.get(key);
    if (rank === undefined) last = Number.POSITIVE_INFINITY;
    else if (rank < last) return false;
    else last = rank;
  }
  return Object.getOwnPropertyNames(map).length === keys.length;
}

/** One `key: value` of a mapping; an undefined value is left out. */
function pair(state: MapState, key: string, value: unknown, shape: Shape): void {
  const { out, depth } = state;
  const written = KEYS.get(key, depth);
  if (value === undefined) return;
  if (state.first) state.first = false;
  else {
    if (state.root) out.text("\n");
    out.newline(depth);
  }
  const fieldShape = shape.field(key);
  if (written.text.length > MAX_IMPLICIT_KEY) {
    // The library's explicit-key form; the value then sits at the key's inner indentation.
    out.text("? ");
    out.text(written.text);
    out.newline(depth);
    out.text(": ");
    inline(out, value, fieldShape, depth + 1);
    return;
  }
  if (Array.isArray(value) && value.length > 0) {
    out.text(written.block);
    out.newline(depth);
    sequence(out, value, fieldShape.items, depth, state.root && SPACED_LISTS.has(key));
  } else if (value !== null && typeof value === "object" && !Array.isArray(value) && isPlainObject(value)) {
    const mark = out.pos;
    out.text(written.block);
    out.newline(depth + 1);
    if (!mapping(out, value, fieldShape.mapShape(value), depth + 1, false)) {
      out.pos = mark;
      out.text(written.inline);
      out.text("{}");
    }
  } else {
    out.text(written.inline);
    inline(out, value, fieldShape, depth + 1);
  }
}

/** Writes the config in canonical order: a map at the root, as a pipeline is, or any other value. */
function body(config: unknown): string {
  const out = new Utf8Writer();
  if (config !== null && typeof config === "object" && !Array.isArray(config) && isPlainObject(config)) {
    if (!mapping(out, config, PIPELINE, 0, true)) out.text("{}");
  } else {
    inline(out, config, PIPELINE, 0);
  }
  out.text("\n");
  return out.toString();
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
 * Writes `config` without copying it into canonical order first. Anything the copy would
 * reject stops the writing; the copy is then made only to throw its error, naming the path.
 */
function render(config: PipelineConfig): string {
  try {
    return body(config);
  } catch (error) {
    if (!(error instanceof Unrenderable)) throw error;
    canonicalPipeline(config);
    throw new Error("contrail render: internal error: a value was rejected that canonical ordering accepts");
  }
}

/**
 * Renders a pipeline config as Concourse YAML: canonical key order, every string go-yaml v2
 * would misread double-quoted, multi-line scripts as block literals, one blank line between
 * sections and between resources and jobs, and exactly one final newline. Throws an Error
 * naming the path of a value YAML cannot carry faithfully (a non-finite number, for one).
 */
export function toYaml(config: PipelineConfig, options: ToYamlOptions = {}): string {
  const text = render(config);
  const header = options.header === undefined || options.header.length === 0 ? "" : renderHeader(options.header);
  return header + text;
}
