/**
 * The two glob dialects of pipeline configs: gobwas/glob for `groups[].jobs`, and Go's
 * `path.Match` for a get step's `passed` (v8.1+).
 *
 * @see https://github.com/gobwas/glob
 * @see https://pkg.go.dev/path#Match
 */

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|]/.test(ch) ? `\\${ch}` : ch;
}

/** Parses a `[...]` class starting after `[`; returns the regexp text and the index after `]`. */
function charClass(pattern: string, start: number, negation: string): { re: string; end: number } | undefined {
  let i = start;
  let re = "[";
  if (pattern[i] === negation) {
    re += "^";
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const ch = pattern[i] ?? "";
    if (ch === "]" && !first) return { re: `${re}]`, end: i + 1 };
    if (ch === "\\") {
      i++;
      if (i >= pattern.length) return undefined;
      re += escapeRe(pattern[i] ?? "");
    } else if (ch === "-" && !first && pattern[i + 1] !== "]") re += "-";
    else re += escapeRe(ch);
    first = false;
    i++;
  }
  return undefined;
}

/** Compiles a gobwas/glob pattern (no separators); undefined when it does not compile. */
export function compileGobwasGlob(pattern: string): RegExp | undefined {
  let re = "";
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? "";
    if (ch === "\\") {
      i++;
      if (i >= pattern.length) return undefined;
      re += escapeRe(pattern[i] ?? "");
    } else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else if (ch === "[") {
      const cls = charClass(pattern, i + 1, "!");
      if (!cls) return undefined;
      re += cls.re;
      i = cls.end - 1;
    } else if (ch === "{") {
      depth++;
      re += "(?:";
    } else if (ch === "}" && depth > 0) {
      depth--;
      re += ")";
    } else if (ch === "," && depth > 0) re += "|";
    else re += escapeRe(ch);
  }
  if (depth !== 0) return undefined;
  try {
    return new RegExp(`^(?:${re})$`, "u");
  } catch {
    return undefined;
  }
}

const pathMatchCache = new Map<string, RegExp | null>();

/** Go's `path.Match(pattern, name)`; a malformed pattern matches nothing. */
export function goPathMatch(pattern: string, name: string): boolean {
  let re = pathMatchCache.get(pattern);
  if (re === undefined) {
    re = compilePathPattern(pattern) ?? null;
    pathMatchCache.set(pattern, re);
  }
  return re?.test(name) ?? false;
}

/** A pattern without `*`, `?`, `[` or `\\` matches exactly one name: itself. */
const LITERAL_PATTERN = /^[^*?[\\]*$/;

/** How often each name occurs in a list, built once per list. */
const nameCounts = new WeakMap<readonly string[], Map<string, number>>();

/**
 * The names (in list order, repeats kept) that Go's `path.Match(pattern, name)` accepts.
 * Almost every `passed` entry is a plain job name, which is looked up instead of matched
 * against every job: checking a pipeline stays linear in its size.
 */
export function goPathMatches(pattern: string, names: readonly string[]): string[] {
  if (!LITERAL_PATTERN.test(pattern)) return names.filter((name) => goPathMatch(pattern, name));
  let counts = nameCounts.get(names);
  if (counts === undefined) {
    counts = new Map();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    nameCounts.set(names, counts);
  }
  return new Array<string>(counts.get(pattern) ?? 0).fill(pattern);
}

function compilePathPattern(pattern: string): RegExp | undefined {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? "";
    if (ch === "\\") {
      i++;
      if (i >= pattern.length) return undefined;
      re += escapeRe(pattern[i] ?? "");
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const cls = charClass(pattern, i + 1, "^");
      if (!cls) return undefined;
      re += cls.re;
      i = cls.end - 1;
    } else re += escapeRe(ch);
  }
  try {
    return new RegExp(`^${re}$`, "u");
  } catch {
    return undefined;
  }
}
