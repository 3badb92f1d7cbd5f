/**
 * Names for the generated consts: camelCase from Concourse names, valid for any input
 * (names starting with digits, reserved words, unicode, punctuation) and never colliding.
 */
import { isIdentifierName } from "./format.ts";

/** Words that cannot be const names in strict-mode ES modules, plus confusing globals. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await async of arguments eval undefined NaN Infinity " +
    "globalThis Object Array String Number Boolean Symbol Error Promise Map Set JSON Math Date RegExp process console"
  ).split(" "),
);

/**
 * camelCase of a Concourse name: words split on anything that is not a letter or digit
 * (`build-my-repo` → `buildMyRepo`, `RUBY_version` → `rubyVersion`). Letters of any script
 * are kept. A result that is empty or starts with a digit gets `prefix` in front.
 */
export function camelCase(name: string, prefix = "x"): string {
  const words = name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out = words
    .map((word, i) => {
      const lower = /^\p{Lu}+$/u.test(word) || i === 0 ? word.toLowerCase() : word;
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join("");
  if (out === "") return prefix;
  if (!isIdentifierName(out)) return prefix + out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Hands out unique identifiers. */
export class NameAllocator {
  readonly #taken = new Set<string>();

  /** Marks names as used (imports, helpers). */
  reserve(...names: string[]): void {
    for (const name of names) this.#taken.add(name);
  }

  /** True when the name is already used. */
  has(name: string): boolean {
    return this.#taken.has(name);
  }

  /**
   * A fresh name for `concourseName`: its camelCase, else with `suffix` (`buildTask`), else
   * qualified by where it is (`sourceForUnitTests`, for a get of `source` in the job
   * `unit-tests`), and only when all of those are taken, numbered (`buildTask2`).
   */
  allocate(concourseName: string, suffix: string, qualifiers: readonly string[] = []): string {
    const base = camelCase(concourseName);
    const candidates = [base, base + suffix];
    for (const q of qualifiers) {
      const where = pascal(camelCase(q));
      candidates.push(`${base}For${where}`, `${base}${suffix}For${where}`);
    }
    for (const candidate of candidates) {
      if (!this.#taken.has(candidate) && !RESERVED.has(candidate)) {
        this.#taken.add(candidate);
        return candidate;
      }
    }
    for (let i = 2; ; i++) {
      const candidate = `${base}${suffix}${i}`;
      if (!this.#taken.has(candidate)) {
        this.#taken.add(candidate);
        return candidate;
      }
    }
  }
}
