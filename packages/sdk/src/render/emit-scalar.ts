/**
 * Scalars as YAML text, written directly rather than through the npm `yaml` package.
 *
 * The output must stay byte-identical to what `yaml` 2.x writes for the options `toYaml`
 * used to pass it (YAML 1.2 core schema, `lineWidth: 0`, no multi-line double quotes), with
 * this project's own choices on top: every string a YAML 1.1 reader would misread is
 * double-quoted, one-line strings with a tab too, multi-line values become block literals
 * where they read back exactly. The library's rules are reproduced from its
 * `stringify/stringifyString.js`; `test/unit/render/emitter-differential.test.ts` checks
 * them against the library itself.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/resolve.go
 */
import { needsQuotesForConcourse } from "../yaml11/resolve.ts";

/**
 * Characters that go-yaml v2 either rejects when written raw (C1 controls, U+FFFE, U+FFFF),
 * reads as a line break (U+0085, U+2028, U+2029) or may skip (U+FEFF). JSON.stringify leaves
 * them raw, so strings holding them are double-quoted and the characters escaped as `\uXXXX`.
 */
export const RAW_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const RAW_UNSAFE_ALL = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/**
 * The YAML 1.1 spec's int and float patterns, as PyYAML applies them. go-yaml v2 reads a
 * few of these as strings (`.5_`, `0b_`), so {@link needsQuotesForConcourse} lets them
 * through; they are quoted anyway, so that other YAML 1.1 tools read the same pipeline.
 */
const YAML11_INT = /^[-+]?(?:0b[0-1_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const YAML11_FLOAT =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/;

/**
 * What the YAML 1.2 core schema reads as something other than a string (null, booleans,
 * numbers): the library quotes a plain scalar these match.
 */
const CORE_NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** The library's test for text a plain scalar cannot hold (indicators, `: `, ` #`, edge whitespace). */
const PLAIN_UNSAFE = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** Lines starting like a document marker, or `%` (a directive to a YAML 1.1 reader). */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/** The library's step of indentation. */
const INDENT_STEP = "  ";

/** True when a YAML 1.1 reader would not read `text`, written plain, as that string. */
function needsQuotes(text: string): boolean {
  return needsQuotesForConcourse(text) || YAML11_INT.test(text) || YAML11_FLOAT.test(text);
}

/** C0 control characters other than tab and line feed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const C0_CONTROL = /[\x00-\x08\x0b-\x1f]/;

/**
 * C0 control characters other than tab and line feed can only be written escaped, in double
 * quotes. (A regular expression, run in native code, rather than a loop over the characters,
 * which would run at interpreter speed in a one-off render.)
 */
export function hasC0Control(text: string): boolean {
  return C0_CONTROL.test(text);
}

/**
 * True when `text` can be written as a block literal (`|` or `|-`) that reads back exactly.
 * Keep-chomped blocks (`|+`, text ending in a blank line) are excluded: their trailing
 * blank lines would stand in for the blank line the layout puts between items, and at the
 * end of the file they would leave more than one final newline. Whitespace-only text and
 * whitespace-only last lines cannot be written as a block at all. Only multi-line text
 * without characters that must be escaped ({@link RAW_UNSAFE}, C0 controls) is asked.
 */
function fitsBlockLiteral(text: string): boolean {
  // Only asked of multi-line text without the characters that must be escaped (see emitString).
  if (!/[^\n\t ]/.test(text)) return false;
  // go-yaml v2 (like libyaml) rejects a tab before the first content when it detects the indentation.
  if (/^[\n ]*\t/.test(text)) return false;
  // The whitespace at the end holds no line break but a final one.
  let end = text.length;
  if (text.charCodeAt(end - 1) === 0x0a) end--;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return text.charCodeAt(end - 1) !== 0x0a;
}

/** `\uXXXX` for one character, upper-case hex like the previous post-processing wrote it. */
function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The library's short YAML escapes for what JSON writes as `\u00XX`. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e" };

/**
 * A one-line double-quoted scalar: JSON escaping, with the library's YAML-only escapes
 * (`\0`, `\a`, `\v`, `\e`, `\xXX`, and `\ ` for a space before an escaped line break),
 * then `\uXXXX` for the characters go-yaml v2 cannot take raw.
 */
export function doubleQuoted(text: string): string {
  const json = JSON.stringify(text);
  return restoreRawUnsafe(json.includes("\\") ? yamlEscapes(json) : json);
}

/** `\uXXXX` for the characters go-yaml v2 cannot take raw; JSON.stringify leaves them as they are. */
function restoreRawUnsafe(quotedText: string): string {
  return RAW_UNSAFE.test(quotedText) ? quotedText.replace(RAW_UNSAFE_ALL, unicodeEscape) : quotedText;
}

/** Rewrites JSON's escapes the way the library does (its `doubleQuotedString`, with no line folding). */
function yamlEscapes(json: string): string {
  let out = "";
  let start = 0;
  for (let index = 0; index < json.length; index++) {
    const char = json[index];
    if (char === " " && json[index + 1] === "\\" && json[index + 2] === "n") {
      // Escaped, like the library does, so that a folding reader keeps the space.
      out += `${json.slice(start, index)}\\ `;
      start = index + 1;
      continue;
    }
    if (char !== "\\") continue;
    if (json[index + 1] === "u") {
      // JSON escapes only C0 controls (and lone surrogates, rejected before rendering) as `\u00XX`.
      const code = json.slice(index + 2, index + 6);
      out += json.slice(start, index) + (SHORT_ESCAPES[code] ?? `\\x${code.slice(2)}`);
      start = index + 6;
      index += 5;
    } else {
      index += 1;
    }
  }
  return out + json.slice(start);
}

/** The library's choice of quotes for a string a plain scalar cannot hold: single only to avoid escaping `"`. */
function quoted(text: string, implicitKey: boolean, indent: string): string {
  if (!text.includes('"') || text.includes("'")) return doubleQuoted(text);
  if ((implicitKey && text.includes("\n")) || /[ \t]\n|\n[ \t]/.test(text)) return doubleQuoted(text);
  const lineIndent = indent || (DOCUMENT_MARKER.test(text) ? INDENT_STEP : "");
  return `'${text.replace(/'/g, "''").replace(/\n+/g, `$&\n${lineIndent}`)}'`;
}

/**
 * A block literal, as the library writes it: chomping from the trailing whitespace, an
 * indentation indicator when the text starts with a space, blank lines left unindented.
 * Only called with text {@link fitsBlockLiteral} accepts, or one-line text at the root.
 */
function blockLiteral(text: string, indent: string): string {
  let endStart = text.length;
  while (endStart > 0) {
    const char = text[endStart - 1];
    if (char !== "\n" && char !== "\t" && char !== " ") break;
    endStart--;
  }
  let end = text.slice(endStart);
  let value = text.slice(0, endStart);
  const endNewline = end.indexOf("\n");
  const chomp = endNewline === -1 ? "-" : "";
  if (end.endsWith("\n")) end = end.slice(0, -1);
  let startWithSpace = false;
  let startEnd = 0;
  let startNewline = -1;
  for (; startEnd < value.length; startEnd++) {
    const char = value[startEnd];
    if (char === " ") startWithSpace = true;
    else if (char === "\n") startNewline = startEnd;
    else break;
  }
  let start = value.slice(0, startNewline + 1);
  if (start !== "") {
    value = value.slice(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? (indent ? "2" : "1") : "") + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/**
 * A string with no style forced: plain when YAML 1.2 reads it back as this string, quoted
 * otherwise, as the library decides. Only reached by one-line strings and by keys.
 */
function plainOrQuoted(text: string, implicitKey: boolean, indent: string): string {
  if (implicitKey && text.includes("\n")) return quoted(text, implicitKey, indent);
  if (PLAIN_UNSAFE.test(text)) return quoted(text, implicitKey, indent);
  if (DOCUMENT_MARKER.test(text)) {
    // At the root the library indents a block instead; as an implicit key one level down it quotes.
    if (indent === "") return blockLiteral(text, INDENT_STEP);
    if (implicitKey && indent === INDENT_STEP) return quoted(text, implicitKey, indent);
  }
  for (const pattern of CORE_NON_STRING) if (pattern.test(text)) return quoted(text, implicitKey, indent);
  return text;
}

/**
 * Writes one string scalar. `indent` is the indentation of the scalar's continuation lines
 * (the library's `ctx.indent`); `isKey` marks a mapping key, written as an implicit key.
 */
export function emitString(text: string, isKey: boolean, indent: string): string {
  // The library itself double-quotes control characters; the C1 ones are in RAW_UNSAFE.
  if (RAW_UNSAFE.test(text) || hasC0Control(text) || needsQuotes(text)) return doubleQuoted(text);
  const multiLine = text.includes("\n");
  // A tab in one-line text is quoted too.
  if (!multiLine && text.includes("\t")) return doubleQuoted(text);
  if (isKey || !multiLine) return plainOrQuoted(text, isKey, indent);
  if (!fitsBlockLiteral(text)) return doubleQuoted(text);
  return blockLiteral(text, indent || (DOCUMENT_MARKER.test(text) ? INDENT_STEP : ""));
}

/** A number as the library writes it: JSON's form, except `-0`. */
export function emitNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : JSON.stringify(value);
}
