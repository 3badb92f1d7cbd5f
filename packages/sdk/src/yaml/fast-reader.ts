/**
 * A single-pass YAML reader for the YAML pipelines are written in: block mappings and
 * sequences (compact `- key: v` and indentless forms included), plain, quoted and block
 * scalars, flow collections, comments, anchors, aliases, `<<` merges, `!!str` and local
 * tags, document markers, a `%YAML` directive, a BOM and CRLF. It builds contrail's tree
 * straight from the text, with no CST and no `yaml` Document, so lint reads a large
 * pipeline in a fraction of the time and memory.
 *
 * It is exact or it is nothing: at anything it does not implement or is not sure of (any
 * syntax error included), it gives up and `parse.ts` runs the `yaml` package instead, so
 * error messages and odd inputs behave as they always did. Offsets, keys, anchors and
 * problems are those the `yaml`-package path gives (test/yaml checks both agree).
 *
 * @see https://yaml.org/spec/1.2.2/
 */

import { isSurelyString } from "../yaml11/resolve.ts";
import { exceedsAliasRatio } from "./aliasing.ts";
import type { LineIndex } from "./line-index.ts";
import { exactArray, MappingBuilder } from "./mapping.ts";
import { type ParsedYaml, topLevelProblem, type YamlProblem } from "./parsed.ts";
import { toScalar } from "./scalar.ts";
import { blockScalarValue, doubleQuotedValue, singleQuotedValue, unfoldLines } from "./scalar-text.ts";
import type { YNode, YScalar } from "./ynode.ts";

/** Thrown (once) to leave the fast reader for the `yaml` package. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

/** V8 shares the characters of longer slices with the text; shorter ones it copies, so those are interned. */
const SHORT = 12;

/**
 * Runs of a line's text holding no mapping indicator (`:` before a space or the line end),
 * no comment (` #`) and no tab; the scan stops at the first of those or at the line end.
 */
const ORDINARY = /(?:[^\n\r:#\t ]+| (?!#)|:(?![ \r\n]|$)|(?<! )#)*/y;

/** Nesting beyond this goes to the `yaml` package, which reports it (no pipeline nests so deep). */
const MAX_DEPTH = 400;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DOT = 0x2e;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const AMP = 0x26;
const STAR = 0x2a;
const BANG = 0x21;
const PIPE = 0x7c;
const GT = 0x3e;
const QUESTION = 0x3f;
const PERCENT = 0x25;
const AT = 0x40;
const BACKTICK = 0x60;

/** Characters an anchor or alias name may hold here (the `yaml` package allows more; those give up). */
function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === DASH || c === 0x5f || c === DOT;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Properties of a node: its anchor and tag, as written. */
interface Props {
  readonly anchor: string | undefined;
  /** `str` for `!!str`, `!name` for a local tag. */
  readonly tag: string | undefined;
}

const NO_PROPS: Props = { anchor: undefined, tag: undefined };

class FastReader {
  private readonly text: string;
  private readonly lines: LineIndex;
  private readonly end: number;
  private pos = 0;
  /** Where the text starts, past a BOM. */
  private start = 0;
  private depth = 0;
  /** True when `pos` is at the first content character of a line (after a collection ended). */
  private atContent = false;
  private contentCol = 0;
  /** Set by plainLineEnd: the line ended in a comment. */
  private sawComment = false;

  readonly problems: YamlProblem[] = [];
  readonly nonFinite: YScalar[] = [];
  readonly anchors = new Map<string, YNode>();
  /** Nodes go-yaml would decode to expand each anchor, for its alias ratio. */
  private readonly sizes = new Map<YNode, number>();
  private readonly openAnchors = new Set<string>();
  private decodeCount = 0;
  private readonly strings = new Map<string, string>();
  private aliasCount = 0;

  constructor(text: string, lines: LineIndex) {
    this.text = text;
    this.lines = lines;
    this.end = text.length;
  }

  /**
   * The text from `start` to `stop`, one copy per distinct short string: keys and short values
   * repeat thousands of times in a large pipeline, and V8 copies every short slice.
   */
  private short(start: number, stop: number): string {
    const text = this.text.slice(start, stop);
    if (stop - start > SHORT) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  private code(at: number): number {
    return at < this.end ? this.text.charCodeAt(at) : -1;
  }

  /** End of line (LF, CRLF) or of the text at `at`. */
  private isEol(at: number): boolean {
    if (at >= this.end) return true;
    const c = this.text.charCodeAt(at);
    return c === LF || (c === CR && this.text.charCodeAt(at + 1) === LF);
  }

  /** A space, a line end or the end of the text at `at`. */
  private isBreakOrSpace(at: number): boolean {
    return this.code(at) === SPACE || this.isEol(at);
  }

  /** go-yaml's count of decoded nodes; the `yaml`-package path reports an excess. */
  private visit(): void {
    this.decodeCount++;
    if (this.aliasCount > 0 && exceedsAliasRatio(this.decodeCount, this.aliasCount)) giveUp();
  }

  private skipSpaces(): void {
    while (this.code(this.pos) === SPACE) this.pos++;
    if (this.code(this.pos) === TAB) giveUp();
  }

  /** `---` or `...` at the start of a line at `at`, followed by a space, a line end or the end. */
  private isMarker(at: number): boolean {
    const c = this.code(at);
    if (c !== DASH && c !== DOT) return false;
    if (at !== this.start && this.text.charCodeAt(at - 1) !== LF) return false;
    return this.code(at + 1) === c && this.code(at + 2) === c && this.isBreakOrSpace(at + 3);
  }

  /** Offset just past the line end at `at` (which must be one), or the end of the text. */
  private pastEol(at: number): number {
    if (at >= this.end) return this.end;
    return this.text.charCodeAt(at) === CR ? at + 2 : at + 1;
  }

  /**
   * Leaves the rest of the current line (spaces and a comment only) and any blank or
   * comment lines; stops at the next content, returning its column, or -1 at the end.
   */
  private nextContent(): number {
    if (this.atContent) return this.contentCol;
    this.skipSpaces();
    if (this.code(this.pos) === HASH) {
      const before = this.code(this.pos - 1);
      if (before !== SPACE && before !== LF && this.pos !== 0) giveUp();
      this.skipToEol();
    }
    if (!this.isEol(this.pos)) giveUp();
    return this.contentFromLineEnd();
  }

  /** From a line end: skips blank and comment lines to the next content. */
  private contentFromLineEnd(): number {
    while (this.pos < this.end) {
      this.pos = this.pastEol(this.pos);
      const lineStart = this.pos;
      while (this.code(this.pos) === SPACE) this.pos++;
      const c = this.code(this.pos);
      if (c === TAB) giveUp();
      if (c === HASH) {
        this.skipToEol();
        continue;
      }
      if (this.isEol(this.pos)) continue;
      this.atContent = true;
      this.contentCol = this.pos - lineStart;
      return this.contentCol;
    }
    this.atContent = true;
    this.contentCol = -1;
    return -1;
  }

  private skipToEol(): void {
    this.pos = this.lineEnd(this.pos);
  }

  /** Where the line holding `at` ends: its CR or LF, or the end of the text. */
  private lineEnd(at: number): number {
    const nl = this.text.indexOf("\n", at);
    if (nl === -1) return this.end;
    return nl > at && this.text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  }

  /** Leaves content mode: the reader is about to consume the content it stopped at. */
  private take(): void {
    this.atContent = false;
  }

  read(): ParsedYaml {
    const text = this.text;
    if (/\r(?!\n)/.test(text)) giveUp();
    if (text.charCodeAt(0) === 0xfeff) this.pos = this.start = 1;
    // The first content, past comments, an optional %YAML directive and `---`.
    let col = this.firstContent();
    let sawDirective = false;
    if (col === 0 && this.code(this.pos) === PERCENT) {
      if (!/^%YAML 1\.[12][ ]*(?=\r?\n)/y.test(this.lineFrom(this.pos))) giveUp();
      sawDirective = true;
      this.skipToEol();
      this.atContent = false;
      col = this.contentFromLineEnd();
    }
    // After `---`, an empty document is a null scalar (where the yaml package places it); without, nothing.
    let emptyAt: number | undefined;
    if (col === 0 && this.isMarker(this.pos) && this.code(this.pos) === DASH) {
      this.pos += 3;
      this.atContent = false;
      this.skipSpaces();
      emptyAt = this.pos;
      col = this.nextContent();
    } else if (sawDirective) giveUp();
    let root: YNode | undefined;
    if (col !== -1 && !(col === 0 && this.isMarker(this.pos))) {
      this.take();
      root = this.node(-1, col, true);
      col = this.nextContent();
    }
    let laterDocument: number | undefined;
    if (col === 0 && this.isMarker(this.pos) && this.code(this.pos) === DOT) {
      // `...` with no document before it is read in ways not worth copying.
      if (root === undefined && emptyAt === undefined) giveUp();
      this.pos += 3;
      this.take();
      col = this.nextContent();
      if (col !== -1 && !(col === 0 && this.isMarker(this.pos) && this.code(this.pos) === DASH)) giveUp();
    }
    if (col !== -1) {
      if (!(col === 0 && this.isMarker(this.pos) && this.code(this.pos) === DASH)) giveUp();
      laterDocument = this.pos;
    }
    if (root === undefined && emptyAt !== undefined) root = { kind: "scalar", value: null, tag: "null", offset: emptyAt };
    const top = topLevelProblem(root);
    if (top) this.problems.push(top);
    return { root, problems: this.problems, nonFinite: this.nonFinite, lines: this.lines, anchors: this.anchors, laterDocument };
  }

  /** The first content of the text (pos is at its start, past a BOM). */
  private firstContent(): number {
    const lineStart = this.pos;
    while (this.code(this.pos) === SPACE) this.pos++;
    const c = this.code(this.pos);
    if (c === TAB) giveUp();
    if (c === HASH) this.skipToEol();
    else if (!this.isEol(this.pos)) {
      this.atContent = true;
      this.contentCol = this.pos - lineStart;
      return this.contentCol;
    }
    if (this.pos >= this.end) {
      this.atContent = true;
      this.contentCol = -1;
      return -1;
    }
    return this.contentFromLineEnd();
  }

  private lineFrom(at: number): string {
    let stop = at;
    while (stop < this.end && this.text.charCodeAt(stop) !== LF) stop++;
    return this.text.slice(at, stop + 1);
  }

  /**
   * The node that starts at `pos` (content, at column `col`) inside a block collection of
   * indent `parent`; `block` tells whether a block mapping or sequence may start here.
   */
  private node(parent: number, col: number, block: boolean): YNode {
    const c = this.code(this.pos);
    if (c === DASH && this.isBreakOrSpace(this.pos + 1)) {
      if (!block) giveUp();
      return this.blockSeq(col, false);
    }
    if (c === LBRACKET || c === LBRACE) return this.flow(parent, NO_PROPS);
    if (c === PIPE || c === GT) return this.blockScalar(parent, NO_PROPS);
    if (c === DQUOTE || c === SQUOTE) {
      // A quoted key (`"a": 1`) starts a mapping; look ahead without reading.
      const start = this.pos;
      const source = this.quotedSource();
      this.skipSpaces();
      const isKey = this.code(this.pos) === COLON;
      this.pos = start;
      if (!isKey) return this.quoted(parent, NO_PROPS);
      if (!block || source.includes("\n")) giveUp();
      return this.blockMap(col);
    }
    if (this.isIndicatorStart(c)) giveUp();
    if (this.plainKeyAhead()) {
      if (!block) giveUp();
      return this.blockMap(col);
    }
    return this.plain(parent, NO_PROPS);
  }

  /** Characters that cannot start a plain scalar or a key here (aliases and properties are handled by the callers). */
  private isIndicatorStart(c: number): boolean {
    if (c === QUESTION || c === COLON || c === DASH) return this.isBreakOrSpace(this.pos + 1);
    return (
      c === HASH ||
      c === COMMA ||
      c === RBRACKET ||
      c === RBRACE ||
      c === AMP ||
      c === STAR ||
      c === BANG ||
      c === PERCENT ||
      c === AT ||
      c === BACKTICK ||
      c === TAB
    );
  }

  /** As {@link isIndicatorStart}, inside a flow collection, where `-`, `?` and `:` before a flow indicator are indicators too. */
  private isFlowIndicatorStart(c: number): boolean {
    if ((c === QUESTION || c === COLON || c === DASH) && isFlowIndicator(this.code(this.pos + 1))) return true;
    return this.isIndicatorStart(c);
  }

  /** True when the plain text at `pos` is a mapping key (`text:` then a space or the line end, before any comment). */
  private plainKeyAhead(): boolean {
    return this.code(this.scanLine(this.pos)) === COLON;
  }

  /**
   * From `from`, the first place on the line that is a mapping indicator (`:` before a space
   * or the line end), the space before a comment, a tab, or the line end. One native scan.
   */
  private scanLine(from: number): number {
    ORDINARY.lastIndex = from;
    ORDINARY.test(this.text);
    return ORDINARY.lastIndex;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** A block mapping whose first key is at `pos`, column `indent`. */
  private blockMap(indent: number): YNode {
    this.enter();
    const offset = this.pos;
    this.visit();
    const builder = new MappingBuilder(this.problems, this.lines);
    for (;;) {
      this.take();
      const keyOffset = this.pos;
      const c = this.code(this.pos);
      let raw: string;
      let plain: boolean;
      if (c === DQUOTE || c === SQUOTE) {
        raw = this.quotedKey();
        plain = false;
      } else {
        if (this.isIndicatorStart(c) || c === LBRACKET || c === LBRACE || c === PIPE || c === GT) giveUp();
        const start = this.pos;
        const stop = this.scanLine(start);
        if (this.code(stop) !== COLON) giveUp();
        this.pos = stop;
        let last = stop;
        while (this.text.charCodeAt(last - 1) === SPACE) last--;
        raw = this.short(start, last);
        plain = true;
      }
      if (this.code(this.pos) !== COLON || !this.isBreakOrSpace(this.pos + 1)) giveUp();
      // The yaml package refuses an implicit key longer than 1024 characters.
      if (this.pos - keyOffset > 1000) giveUp();
      this.pos++;
      this.entry(builder, raw, plain, keyOffset, () => this.valueAfter(indent, true));
      const col = this.nextContent();
      if (col === -1 || col < indent || (col === 0 && this.isMarker(this.pos))) break;
      if (col > indent) giveUp();
      if (this.code(this.pos) === DASH && this.isBreakOrSpace(this.pos + 1)) giveUp();
    }
    this.depth--;
    return builder.build(offset);
  }

  /** A single-line quoted key at `pos`, and the spaces after it. */
  private quotedKey(): string {
    const source = this.quotedSource();
    if (source.includes("\n")) giveUp();
    const value = source.charCodeAt(0) === DQUOTE ? doubleQuotedValue(source) : singleQuotedValue(source);
    if (value === undefined) giveUp();
    this.skipSpaces();
    return value;
  }

  /**
   * One key and its value (read by `value`), in the order the `yaml`-package path reports:
   * the key's duplicate check, then the key itself, then the value; `<<` merges.
   */
  private entry(builder: MappingBuilder, raw: string, plain: boolean, keyOffset: number, value: () => YNode): void {
    // Most keys are plain words: their string is their text, with no node to build.
    const keyNode = plain && isSurelyString(raw) ? undefined : toScalar(raw, plain, undefined, keyOffset, this.nonFinite);
    this.visit();
    builder.checkDuplicate(raw, keyOffset);
    if (plain && raw === "<<") {
      builder.merge(value(), keyOffset);
      return;
    }
    const key = keyNode ? builder.key(keyNode, keyOffset) : raw;
    const node = value();
    if (key !== undefined) builder.set({ key, keyOffset, value: node });
  }

  /** A block sequence whose first `-` is at `pos`, column `indent`; `indentless` when it is a mapping's value at the mapping's own indent. */
  private blockSeq(indent: number, indentless: boolean): YNode {
    this.enter();
    const offset = this.pos;
    this.visit();
    const items: YNode[] = [];
    for (;;) {
      this.take();
      this.pos++;
      items.push(this.valueAfter(indent, false));
      const col = this.nextContent();
      if (col === -1 || col < indent || (col === 0 && this.isMarker(this.pos))) break;
      if (col > indent) giveUp();
      if (this.code(this.pos) !== DASH || !this.isBreakOrSpace(this.pos + 1)) {
        if (indentless) break;
        giveUp();
      }
    }
    this.depth--;
    return { kind: "seq", items: exactArray(items), offset };
  }

  /**
   * The value after `key:` or `-` (pos just past the indicator), in a block collection of
   * indent `parent`: on the same line, on the lines below, or empty.
   */
  private valueAfter(parent: number, mapValue: boolean): YNode {
    this.skipSpaces();
    const props = this.props();
    const c = this.code(this.pos);
    if (this.isEol(this.pos) || (c === HASH && this.code(this.pos - 1) === SPACE)) {
      const emptyAt = this.pos;
      const col = this.nextContent();
      if (col !== -1 && !(col === 0 && this.isMarker(this.pos))) {
        const isDash = this.code(this.pos) === DASH && this.isBreakOrSpace(this.pos + 1);
        const indentless = col === parent && mapValue && isDash;
        if (col > parent || indentless) {
          if (this.blankThenComment(emptyAt, this.pos)) giveUp();
          this.take();
          const counted = this.decodeCount;
          const node = indentless ? this.blockSeq(col, true) : this.node(parent, col, true);
          if (props === NO_PROPS) return node;
          // Properties on their own line apply to a collection below; a scalar there is left to the yaml package.
          if (node.kind === "scalar" || props.tag === "str") giveUp();
          return this.sized(node, props, counted);
        }
      }
      if (props !== NO_PROPS) giveUp();
      this.visit();
      return { kind: "scalar", value: null, tag: "null", offset: emptyAt };
    }
    if (c === STAR) {
      if (props !== NO_PROPS) giveUp();
      return this.alias();
    }
    const start = this.pos;
    const col = this.column(start);
    if (props === NO_PROPS) return this.node(parent, col, !mapValue);
    // Properties before content on the same line: a scalar or a flow collection only.
    if (c === LBRACKET || c === LBRACE) return this.flow(parent, props);
    if (c === PIPE || c === GT) return this.blockScalar(parent, props);
    if (c === DQUOTE || c === SQUOTE) {
      const node = this.quoted(parent, props);
      this.skipSpaces();
      if (this.code(this.pos) === COLON) giveUp();
      return node;
    }
    if (this.isIndicatorStart(c) || this.plainKeyAhead()) giveUp();
    return this.plain(parent, props);
  }

  /**
   * True when the lines after the one holding `from`, up to `to`, hold a blank line and
   * after it a comment line. Below such lines the `yaml` package reads a plain value as
   * the start of a multi-line key ("Implicit keys need to be on a single line"), a reading
   * this reader does not vouch for: it leaves the text to that package.
   */
  private blankThenComment(from: number, to: number): boolean {
    let sawBlank = false;
    let line = this.pastEol(this.lineEnd(from));
    while (line < to) {
      let at = line;
      while (this.code(at) === SPACE) at++;
      if (this.isEol(at)) sawBlank = true;
      else if (this.code(at) === HASH && sawBlank) return true;
      line = this.pastEol(this.lineEnd(at));
    }
    return false;
  }

  private column(at: number): number {
    let i = at;
    while (i > 0 && this.text.charCodeAt(i - 1) !== LF) i--;
    return at - i;
  }

  /** An anchor and a tag (either order, each once), each followed by a space or the line end. */
  private props(): Props {
    let anchor: string | undefined;
    let tag: string | undefined;
    for (;;) {
      const c = this.code(this.pos);
      if (c === AMP && anchor === undefined) {
        anchor = this.name();
      } else if (c === BANG && tag === undefined) {
        if (this.text.startsWith("!!str", this.pos) && this.isBreakOrSpace(this.pos + 5)) {
          tag = "str";
          this.pos += 5;
        } else {
          const start = this.pos;
          this.pos++;
          while (isNameChar(this.code(this.pos)) && this.code(this.pos) !== DOT) this.pos++;
          if (this.pos === start + 1 || !this.isBreakOrSpace(this.pos)) giveUp();
          tag = this.text.slice(start, this.pos);
        }
      } else break;
      this.skipSpaces();
    }
    if (anchor === undefined && tag === undefined) return NO_PROPS;
    if (anchor !== undefined) this.openAnchors.add(anchor);
    return { anchor, tag };
  }

  /** The name after `&` or `*` at `pos`. */
  private name(): string {
    const start = ++this.pos;
    while (isNameChar(this.code(this.pos))) this.pos++;
    if (this.pos === start) giveUp();
    const next = this.code(this.pos);
    if (!this.isBreakOrSpace(this.pos) && next !== COMMA && next !== RBRACKET && next !== RBRACE) giveUp();
    return this.text.slice(start, this.pos);
  }

  /** `*name`: the anchor's node itself, counted as go-yaml counts an expansion. */
  private alias(): YNode {
    const name = this.name();
    if (this.openAnchors.has(name)) giveUp();
    const target = this.anchors.get(name);
    if (!target) giveUp();
    this.skipSpaces();
    if (this.code(this.pos) === COLON) giveUp();
    this.visit();
    const size = this.sizes.get(target) ?? giveUp();
    this.decodeCount += size;
    this.aliasCount += size;
    if (exceedsAliasRatio(this.decodeCount, this.aliasCount)) giveUp();
    return target;
  }

  /** Where counting the decodes of a node starts, for its size if it is anchored. */
  private sizeStart(): number {
    return this.decodeCount;
  }

  /** Registers a finished node's anchor, with the decodes an alias of it costs. */
  private sized(node: YNode, props: Props, start: number): YNode {
    if (props.anchor === undefined) return node;
    this.sizes.set(node, this.decodeCount - start);
    this.openAnchors.delete(props.anchor);
    this.anchors.set(props.anchor, node);
    return node;
  }

  /** A plain scalar in block context, perhaps over several lines. */
  private plain(parent: number, props: Props): YNode {
    const start = this.pos;
    const counted = this.sizeStart();
    let stop = this.plainLineEnd(this.pos);
    // Continuation lines: more indented than the parent, not a comment, not a key.
    while (!this.sawComment) {
      let at = stop;
      while (this.code(at) === SPACE) at++;
      if (!this.isEol(at) || at >= this.end) break;
      let probe = at;
      let next = -1;
      while (probe < this.end) {
        probe = this.pastEol(probe);
        const lineStart = probe;
        while (this.code(probe) === SPACE) probe++;
        if (this.code(probe) === TAB) giveUp();
        if (this.isEol(probe)) {
          if (probe >= this.end) break;
          continue;
        }
        if (probe - lineStart > parent && !(probe - lineStart === 0 && this.isMarker(probe))) next = probe;
        break;
      }
      if (next === -1) break;
      const c = this.code(next);
      if (c === HASH) break;
      if (this.isContinuationUnsure(next)) giveUp();
      stop = this.plainLineEnd(next);
    }
    this.pos = stop;
    const source = this.short(start, stop);
    const value = source.includes("\n") ? unfoldLines(source) : source;
    this.visit();
    const node = toScalar(value, true, props.tag, start, this.nonFinite);
    return this.sized(node, props, counted);
  }

  /** Characters at the start of a continuation line whose reading this reader does not vouch for. */
  private isContinuationUnsure(at: number): boolean {
    const c = this.code(at);
    return (
      c === DASH ||
      c === QUESTION ||
      c === COLON ||
      c === COMMA ||
      c === LBRACKET ||
      c === RBRACKET ||
      c === LBRACE ||
      c === RBRACE ||
      c === AMP ||
      c === STAR ||
      c === BANG ||
      c === PIPE ||
      c === GT ||
      c === SQUOTE ||
      c === DQUOTE ||
      c === PERCENT ||
      c === AT ||
      c === BACKTICK
    );
  }

  /** Where a block plain scalar's text on this line ends (before trailing spaces, a comment or `: `). */
  private plainLineEnd(from: number): number {
    const stop = this.scanLine(from);
    const c = this.code(stop);
    if (c === COLON || c === TAB) giveUp();
    this.sawComment = c === SPACE || c === HASH;
    let last = stop;
    while (last > from && this.text.charCodeAt(last - 1) === SPACE) last--;
    return last;
  }

  /** The source of a quoted scalar at `pos`, quotes included; pos moves past it. */
  private quotedSource(): string {
    const start = this.pos;
    const quote = this.text.charCodeAt(start);
    let i = start + 1;
    for (;;) {
      if (i >= this.end) giveUp();
      const c = this.text.charCodeAt(i);
      if (quote === DQUOTE) {
        if (c === 0x5c) {
          i += 2;
          continue;
        }
        if (c === DQUOTE) break;
      } else if (c === SQUOTE) {
        if (this.code(i + 1) === SQUOTE) {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    this.pos = i + 1;
    return this.text.slice(start, i + 1);
  }

  /** A quoted scalar; its continuation lines must be more indented than the parent. */
  private quoted(parent: number, props: Props): YNode {
    const start = this.pos;
    const counted = this.sizeStart();
    const quote = this.text.charCodeAt(start);
    const source = this.quotedSource();
    if (source.includes("\n")) this.checkContinuationLines(source, start, parent);
    const value = quote === DQUOTE ? doubleQuotedValue(source) : singleQuotedValue(source);
    if (value === undefined) giveUp();
    this.visit();
    return this.sized(toScalar(value, false, props.tag, start, this.nonFinite), props, counted);
  }

  /** Each line after the first of a multi-line scalar must be more indented than `parent`, and no document marker. */
  private checkContinuationLines(source: string, start: number, parent: number): void {
    for (let nl = source.indexOf("\n"); nl !== -1; nl = source.indexOf("\n", nl + 1)) {
      let i = nl + 1;
      while (source.charCodeAt(i) === SPACE) i++;
      const c = source.charCodeAt(i);
      if (c === TAB) giveUp();
      const blank = c === LF || (c === CR && source.charCodeAt(i + 1) === LF) || i >= source.length;
      if (!blank && i - (nl + 1) <= parent) giveUp();
      if (i === nl + 1 && this.isMarker(start + i)) giveUp();
    }
  }

  /** A literal or folded block scalar at `pos` (its header). */
  private blockScalar(parent: number, props: Props): YNode {
    const offset = this.pos;
    const counted = this.sizeStart();
    const folded = this.text.charCodeAt(this.pos) === GT;
    this.pos++;
    let chomp: "" | "-" | "+" = "";
    const c = this.code(this.pos);
    if (c === DASH || c === 0x2b) {
      chomp = c === DASH ? "-" : "+";
      this.pos++;
    }
    if (!this.isBreakOrSpace(this.pos)) giveUp();
    this.skipSpaces();
    if (this.code(this.pos) === HASH) {
      if (this.code(this.pos - 1) !== SPACE) giveUp();
      this.skipToEol();
    }
    if (!this.isEol(this.pos) || this.pos >= this.end) giveUp();
    const sourceStart = this.pastEol(this.pos);
    // The content indent is that of the first line with content.
    let at = sourceStart;
    let contentIndent = -1;
    let lastContentEnd = -1;
    let maxBlankSpaces = 0;
    let trailingBlankSpaces = 0;
    while (at < this.end) {
      const lineStart = at;
      while (this.code(at) === SPACE) at++;
      const spaces = at - lineStart;
      const blank = this.isEol(at);
      if (blank) {
        if (contentIndent === -1) maxBlankSpaces = Math.max(maxBlankSpaces, spaces);
        else trailingBlankSpaces = Math.max(trailingBlankSpaces, spaces);
        if (at >= this.end) break;
        at = this.pastEol(at);
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= parent || this.code(at) === TAB) giveUp();
        contentIndent = spaces;
      } else if (spaces < contentIndent) {
        at = lineStart;
        break;
      }
      trailingBlankSpaces = 0;
      at = this.lineEnd(at);
      lastContentEnd = at;
      if (at >= this.end) break;
      at = this.pastEol(at);
    }
    if (contentIndent === -1) giveUp();
    if (maxBlankSpaces > contentIndent || trailingBlankSpaces > contentIndent) giveUp();
    // The `yaml` lexer keeps trailing blank lines only for `|+`.
    const sourceEnd = chomp === "+" ? at : Math.min(this.pastEol(lastContentEnd), this.end);
    const value = blockScalarValue({ folded, chomp }, this.text.slice(sourceStart, sourceEnd), parent < 0);
    if (value === undefined) giveUp();
    // The blank lines after the last content line (kept by `|+`) need no reading.
    this.pos = lastContentEnd;
    this.visit();
    return this.sized(toScalar(value, false, props.tag, offset, this.nonFinite), props, counted);
  }

  /** A flow collection at `pos`, with the properties before it. */
  private flow(parent: number, props: Props): YNode {
    const counted = this.sizeStart();
    const node = this.text.charCodeAt(this.pos) === LBRACKET ? this.flowSeq(parent) : this.flowMap(parent);
    if (props.tag === "str") giveUp();
    return this.sized(node, props, counted);
  }

  /** Spaces, line breaks and comments inside a flow collection; lines must stay more indented than the parent. */
  private skipFlowSpace(parent: number): void {
    for (;;) {
      const c = this.code(this.pos);
      if (c === SPACE) this.pos++;
      else if (c === TAB) giveUp();
      else if (c === HASH) {
        const before = this.code(this.pos - 1);
        if (before !== SPACE && before !== LF) giveUp();
        this.skipToEol();
      } else if (c === LF || c === CR) {
        if (!this.isEol(this.pos)) giveUp();
        this.pos = this.pastEol(this.pos);
        const lineStart = this.pos;
        while (this.code(this.pos) === SPACE) this.pos++;
        if (!this.isEol(this.pos) && this.code(this.pos) !== HASH) {
          if (this.pos - lineStart <= parent || (this.pos === lineStart && this.isMarker(this.pos))) giveUp();
        }
      } else if (c === -1) giveUp();
      else return;
    }
  }

  private flowSeq(parent: number): YNode {
    this.enter();
    const offset = this.pos;
    this.visit();
    this.pos++;
    const items: YNode[] = [];
    for (;;) {
      this.skipFlowSpace(parent);
      if (this.code(this.pos) === RBRACKET) break;
      items.push(this.flowNode(parent));
      this.skipFlowSpace(parent);
      const c = this.code(this.pos);
      if (c === COMMA) this.pos++;
      else if (c === RBRACKET) break;
      else giveUp();
    }
    this.pos++;
    this.depth--;
    return { kind: "seq", items: exactArray(items), offset };
  }

  private flowMap(parent: number): YNode {
    this.enter();
    const offset = this.pos;
    this.visit();
    this.pos++;
    const builder = new MappingBuilder(this.problems, this.lines);
    for (;;) {
      this.skipFlowSpace(parent);
      const c = this.code(this.pos);
      if (c === RBRACE) break;
      const keyOffset = this.pos;
      let raw: string;
      let plain: boolean;
      if (c === DQUOTE || c === SQUOTE) {
        raw = this.quotedKey();
        plain = false;
        if (this.code(this.pos) !== COLON) giveUp();
      } else {
        if (this.isFlowIndicatorStart(c) || c === LBRACKET || c === LBRACE || c === PIPE || c === GT) giveUp();
        const stop = this.flowPlainEnd();
        if (this.code(stop) !== COLON) giveUp();
        raw = this.short(keyOffset, this.trimSpacesBack(stop, keyOffset));
        plain = true;
        this.pos = stop;
      }
      this.pos++;
      this.entry(builder, raw, plain, keyOffset, () => {
        this.skipFlowSpace(parent);
        const next = this.code(this.pos);
        if (next === COMMA || next === RBRACE) giveUp();
        return this.flowNode(parent);
      });
      this.skipFlowSpace(parent);
      const after = this.code(this.pos);
      if (after === COMMA) this.pos++;
      else if (after === RBRACE) break;
      else giveUp();
    }
    this.pos++;
    this.depth--;
    return builder.build(offset);
  }

  private trimSpacesBack(stop: number, start: number): number {
    let last = stop;
    while (last > start && this.text.charCodeAt(last - 1) === SPACE) last--;
    return last;
  }

  /** Where a plain scalar inside a flow collection ends: at a flow indicator, `: `, ` #` or the line end (a following line gives up later). */
  private flowPlainEnd(): number {
    let i = this.pos;
    for (; !this.isEol(i); i++) {
      const c = this.text.charCodeAt(i);
      if (c === TAB) giveUp();
      if (isFlowIndicator(c)) break;
      if (c === COLON) {
        const next = this.code(i + 1);
        if (this.isBreakOrSpace(i + 1) || isFlowIndicator(next)) break;
      }
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) giveUp();
    }
    return i;
  }

  /** A node inside a flow collection. */
  private flowNode(parent: number): YNode {
    if (this.code(this.pos) === STAR) return this.alias();
    const props = this.props();
    if (props !== NO_PROPS) this.skipFlowSpace(parent);
    const c = this.code(this.pos);
    if (c === LBRACKET || c === LBRACE) return this.flow(parent, props);
    if (c === DQUOTE || c === SQUOTE) {
      const node = this.quoted(parent, props);
      this.skipSpaces();
      if (this.code(this.pos) === COLON) giveUp();
      return node;
    }
    if (this.isFlowIndicatorStart(c) || c === PIPE || c === GT) giveUp();
    const start = this.pos;
    const counted = this.sizeStart();
    const stop = this.flowPlainEnd();
    if (this.code(stop) === COLON) giveUp();
    const end = this.trimSpacesBack(stop, start);
    if (end === start) giveUp();
    this.pos = end;
    this.visit();
    return this.sized(toScalar(this.short(start, end), true, props.tag, start, this.nonFinite), props, counted);
  }
}

/**
 * Reads `text` with the fast reader; undefined when it gives up (the `yaml` package then
 * reads it). The result equals what the `yaml`-package path gives.
 */
export function readFast(text: string, lines: LineIndex): ParsedYaml | undefined {
  try {
    return new FastReader(text, lines).read();
  } catch (error) {
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}
