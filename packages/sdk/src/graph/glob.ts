/**
 * The glob patterns of a group's `jobs:` list, as Concourse matches them: `*` (any run of
 * characters), `?` (one character), `[a-z]` / `[!a-z]` (a class), `{a,b}` (alternatives,
 * which may nest), and `\` to escape. A pattern must match the whole job name.
 *
 * @see https://concourse-ci.org/pipelines.html#schema.group_config.jobs
 */

/** Compiles a glob pattern to an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern, 0, false).source}$`, "s");
}

/** Whether `name` matches the glob `pattern`. */
export function matchesGlob(pattern: string, name: string): boolean {
  return globToRegExp(pattern).test(name);
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

/** Translates from `start`; inside braces stops at the closing `}` and turns `,` into `|`. */
function translate(pattern: string, start: number, inBraces: boolean): { source: string; end: number } {
  let out = "";
  let i = start;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "\\" && i + 1 < pattern.length) {
      out += escapeChar(pattern[i + 1] as string);
      i += 2;
    } else if (ch === "*") {
      out += ".*";
      i++;
    } else if (ch === "?") {
      out += ".";
      i++;
    } else if (ch === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) {
        out += "\\[";
        i++;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      out += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, (c) => `\\${c}`)}]`;
      i = close + 1;
    } else if (ch === "{") {
      const alternatives: string[] = [];
      let j = i + 1;
      let closed = false;
      for (;;) {
        const part = translate(pattern, j, true);
        alternatives.push(part.source);
        j = part.end;
        if (pattern[j] === ",") {
          j++;
          continue;
        }
        closed = pattern[j] === "}";
        break;
      }
      if (!closed) {
        out += "\\{";
        i++;
        continue;
      }
      out += `(?:${alternatives.join("|")})`;
      i = j + 1;
    } else if (inBraces && (ch === "," || ch === "}")) {
      return { source: out, end: i };
    } else {
      out += escapeChar(ch);
      i++;
    }
  }
  return { source: out, end: i };
}
