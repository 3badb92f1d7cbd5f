/**
 * Config model to YAML text, as Concourse will read it.
 *
 * Concourse parses pipelines with go-yaml v2, a YAML 1.1 reader: unquoted `on`, `yes`, `y`,
 * `0755` or `1_000` are not strings there. Every string go-yaml v2 would misread is
 * therefore double-quoted, and so is every string the YAML 1.1 spec's number patterns match,
 * for other 1.1 readers (see `emit-scalar.ts`). The output is deterministic: same config,
 * same bytes.
 *
 * The text is written in one pass over the config, as a list of texts joined at the end
 * (`part-writer.ts`), in the canonical key order of `key-order.ts` (read from `shapes.ts`,
 * so the config is not copied first; worked out once per kind of object, see `mapping-plan.ts`). It used to go through the npm `yaml` package, about 80 times slower than
 * JSON.stringify; the layout and quoting are kept byte for byte, and so are the errors (see
 * {@link toYaml}). The library-based version is kept as a test reference, and
 * `test/unit/render/emitter-differential.test.ts` compares the two.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/resolve.go
 */
import type { PipelineConfig } from "../model/pipeline.ts";
import { canonicalPipeline } from "./canonical.ts";
import { emitNumber, emitString, hasC0Control, RAW_UNSAFE } from "./emit-scalar.ts";
import { forInListsOwnKeys, type PlannedKey, planFor } from "./mapping-plan.ts";
import { isSimplePlain, PartWriter } from "./part-writer.ts";
import { PIPELINE, type Shape } from "./shapes.ts";

/** Options of {@link toYaml}. */
export interface ToYamlOptions {
  /** Lines written as `# ` comments above the pipeline (see `generatedHeader`). */
  readonly header?: readonly string[] | undefined;
}

/** The indentation step; sequences sit flush with their key (`key:\n- item`), like the Concourse docs. */
const STEP_INDENT = "  ";

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

/** Keys of a mapping at `depth`, written as implicit keys. */
const KEYS = new TextCache<string>((key, depth) => {
  checkString(key);
  return emitString(key, true, STEP_INDENT.repeat(depth + 1));
});

/** A key's text at `depth`, for the mapping plans. */
function renderKey(key: string, depth: number): string {
  return KEYS.get(key, depth);
}

/** Values whose continuation lines sit at `depth`. */
const VALUES = new TextCache<string>((value, depth) => {
  checkString(value);
  return emitString(value, false, STEP_INDENT.repeat(depth));
});

/** Writes one string value, whose continuation lines (in a block literal) sit at `depth`. */
function string(out: PartWriter, text: string, depth: number): void {
  out.text(isSimplePlain(text) ? text : VALUES.get(text, depth));
}

/**
 * Writes a value that stands inline after `key: ` or `- `, or a block collection starting
 * on the current line; `depth` is the indentation level of the value's own lines.
 */
function inline(out: PartWriter, value: unknown, shape: Shape, depth: number): void {
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
    if (!mapping(out, value, shape.mapShape(value), depth)) out.text("{}");
  } else {
    throw new Unrenderable();
  }
}

/** A block sequence whose items start at `depth` (after the first `- `, which this writes too). */
function sequence(out: PartWriter, items: readonly unknown[], shape: Shape, depth: number, spaced: boolean): void {
  for (let index = 0; index < items.length; index++) {
    if (index === 0) out.text("- ");
    else out.item(depth, spaced);
    const item = items[index];
    // Strings and maps first, without going through `inline`: they are most items.
    if (typeof item === "string") out.text(isSimplePlain(item) ? item : VALUES.get(item, depth + 1));
    else if (typeof item === "object" && item !== null && !Array.isArray(item) && isPlainObject(item)) {
      if (!mapping(out, item, shape.mapShape(item), depth + 1)) out.text("{}");
    }
    // A hole in a sparse list reads as null, as it did through the library; `undefined` itself is rejected.
    else if (item === undefined && !(index in items)) out.text("null");
    else inline(out, item, shape, depth + 1);
  }
}

/**
 * A block mapping whose keys start at `depth`, in the shape's order (see `mapping-plan.ts`);
 * at the root, sections are spaced and some lists too. Returns false, having written
 * nothing, when no key has a value. An undefined value is left out.
 */
function mapping(out: PartWriter, map: Record<string, unknown>, shape: Shape, depth: number): boolean {
  const keys = planFor(map, shape, depth, renderKey, byForIn).keys;
  let first = true;
  for (let index = 0; index < keys.length; index++) {
    const planned = keys[index] as PlannedKey;
    const value = map[planned.key];
    if (value === undefined) continue;
    const key = first ? planned.inline : planned.nextInline;
    // Scalars first, without a call per value: they are most of a pipeline.
    if (typeof value === "string") {
      out.pair(key, isSimplePlain(value) ? value : VALUES.get(value, depth + 1));
      first = false;
      continue;
    }
    if (typeof value === "boolean") {
      out.pair(key, value ? "true" : "false");
      first = false;
      continue;
    }
    if (typeof value === "object" && value !== null && !planned.explicit) {
      if (Array.isArray(value)) {
        if (value.length > 0) {
          out.text(first ? planned.list : planned.nextList);
          first = false;
          sequence(out, value, planned.shape.items, depth, planned.spaced);
          continue;
        }
      } else if (isPlainObject(value)) {
        const mark = out.pos;
        out.text(first ? planned.map : planned.nextMap);
        if (!mapping(out, value, planned.shape.mapShape(value), depth + 1)) {
          out.pos = mark;
          out.pair(key, "{}");
        }
        first = false;
        continue;
      }
    }
    out.text(key);
    first = false;
    inline(out, value, planned.shape, depth + 1);
  }
  return !first;
}

/**
 * Whether the plans may be found by `for...in` (see `mapping-plan.ts`), asked at the start
 * of each render rather than of each map.
 */
let byForIn = true;

/** Writes the config in canonical order: a map at the root, as a pipeline is, or any other value. */
function body(config: unknown): string {
  byForIn = forInListsOwnKeys();
  const out = new PartWriter();
  if (config !== null && typeof config === "object" && !Array.isArray(config) && isPlainObject(config)) {
    if (!mapping(out, config, PIPELINE, 0)) out.text("{}");
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
