/**
 * The text of flow scalars (plain, single- and double-quoted) and block scalars from their
 * source, folded exactly as the `yaml` package folds them (ported from its
 * `compose/resolve-flow-scalar.js` and `compose/resolve-block-scalar.js`, v2.9.1), so that
 * the fast reader and the `yaml` package agree to the character. Where the `yaml` package
 * would report an error, these return undefined and the fast reader gives up.
 *
 * @see https://github.com/eemeli/yaml/blob/v2.9.1/src/compose/resolve-flow-scalar.ts
 * @see https://github.com/eemeli/yaml/blob/v2.9.1/src/compose/resolve-block-scalar.ts
 */

const TRIM_END = /(?<![ \t])[ \t]+$/;
const TRIM_BOTH = /^[ \t]+|(?<![ \t])[ \t]+$/g;

/** Folds the lines of a plain or single-quoted scalar's source: one break is a space, n breaks are n-1 newlines. */
export function unfoldLines(source: string): string {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match) return source;
  let res = (match[1] as string).replace(TRIM_END, "");
  let sep = " ";
  let pos = line.lastIndex;
  for (match = line.exec(source); match; match = line.exec(source)) {
    const lm = (match[1] as string).replace(TRIM_BOTH, "");
    if (lm === "") {
      if (sep === "\n") res += sep;
      else sep = "\n";
    } else {
      res += sep + lm;
      sep = " ";
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? "");
}

/** The value of a single-quoted scalar, quotes included in `source`. */
export function singleQuotedValue(source: string): string {
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}

const ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "\t": "\t",
};

/** The value of a double-quoted scalar, quotes included in `source`; undefined for a bad escape. */
export function doubleQuotedValue(source: string): string | undefined {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n") continue;
    if (ch === "\n") {
      const { fold, offset } = foldNewline(source, i);
      res += fold;
      i = offset;
    } else if (ch === "\\") {
      let next = source[++i] as string;
      const cc = ESCAPES[next];
      if (cc) res += cc;
      else if (next === "\n") {
        next = source[i + 1] as string;
        while (next === " " || next === "\t") next = source[++i + 1] as string;
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1] as string;
        while (next === " " || next === "\t") next = source[++i + 1] as string;
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        const code = source.substr(i + 1, length);
        if (code.length !== length || !/^[0-9a-fA-F]+$/.test(code)) return undefined;
        const value = Number.parseInt(code, 16);
        if (value > 0x10ffff) return undefined;
        res += String.fromCodePoint(value);
        i += length;
      } else return undefined;
    } else if (ch === " " || ch === "\t") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "\t") next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n")) res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else res += ch;
  }
  return res;
}

function foldNewline(source: string, start: number): { fold: string; offset: number } {
  let offset = start;
  let fold = "";
  let ch = source[offset + 1];
  while (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n") break;
    if (ch === "\n") fold += "\n";
    offset += 1;
    ch = source[offset + 1];
  }
  return { fold: fold || " ", offset };
}

/** A block scalar's header: `|` or `>`, and its chomping (`-`, `+` or none). */
export interface BlockHeader {
  readonly folded: boolean;
  readonly chomp: "" | "-" | "+";
}

/**
 * The value of a block scalar whose content lines are `source` (everything after the
 * header line, as the `yaml` lexer cuts it), without an indentation indicator;
 * undefined where the `yaml` package reports an error.
 */
export function blockScalarValue(header: BlockHeader, source: string, atRoot: boolean): string | undefined {
  const lines = source ? splitLines(source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = (lines[i] as [string, string])[1];
    if (content === "" || content === "\r") chompStart = i;
    else break;
  }
  if (chompStart === 0) return header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
  let trimIndent = 0;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content === "" || content === "\r") {
      if (indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) return undefined;
      trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !atRoot) return undefined;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if ((lines[i] as [string, string])[0].length > trimIndent) chompStart = i + 1;
  }
  let value = "";
  let sep = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += `${(lines[i] as [string, string])[0].slice(trimIndent)}\n`;
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i] as [string, string];
    if (content[content.length - 1] === "\r") content = content.slice(0, -1);
    if (content && indent.length < trimIndent) return undefined;
    if (!header.folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
    } else if (indent.length > trimIndent || content[0] === "\t") {
      if (sep === " ") sep = "\n";
      else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n") value += "\n";
      else sep = "\n";
    } else {
      value += sep + content;
      sep = " ";
      prevMoreIndented = false;
    }
  }
  if (header.chomp === "+") {
    for (let i = chompStart; i < lines.length; ++i) value += `\n${(lines[i] as [string, string])[0].slice(trimIndent)}`;
    if (value[value.length - 1] !== "\n") value += "\n";
  } else if (header.chomp === "") value += "\n";
  return value;
}

/** Lines as `[indent, content]`. */
function splitLines(source: string): Array<[string, string]> {
  const split = source.split(/\n( *)/);
  const first = split[0] as string;
  const m = first.match(/^( *)/);
  const lines: Array<[string, string]> = [m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i] as string, split[i + 1] as string]);
  return lines;
}
