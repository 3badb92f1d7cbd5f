/**
 * How Concourse reads a plain (unquoted) YAML scalar.
 *
 * Concourse parses pipelines with go-yaml v2, which follows YAML 1.1: `on`, `yes` and `y`
 * are booleans, `0755` is octal, `1_000` is an integer. This module reproduces its
 * resolver (`resolve.go` of go-yaml v2.4.0, read from Concourse's go.mod) so that contrail
 * can quote every string Concourse would misread, and read YAML the way Concourse does.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/resolve.go
 */

/** The YAML 1.1 type a plain scalar resolves to. */
export type GoYamlTag = "str" | "bool" | "int" | "float" | "null" | "merge";

/** A resolved plain scalar. */
export interface ResolvedScalar {
  readonly tag: GoYamlTag;
  /** The decoded value (`Infinity`/`NaN` for `.inf`/`.nan`; ints beyond 2^53 lose precision). */
  readonly value: string | number | boolean | null;
}

const TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const FALSE = new Set(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
const NULL = new Set(["", "~", "null", "Null", "NULL"]);
const POS_INF = new Set([".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]);
const NEG_INF = new Set(["-.inf", "-.Inf", "-.INF"]);
const NAN = new Set([".nan", ".NaN", ".NAN"]);
/** The length of the longest word above (`+.inf`, `-.inf`...). */
const LONGEST_WORD = Math.max(...[TRUE, FALSE, NULL, POS_INF, NEG_INF, NAN].flatMap((words) => [...words].map((word) => word.length)));
/** First letters of the words above (`yes`, `true`, `on`, `no`, `false`, `off`, `null` and their cases). */
const WORD_STARTS = new Set([..."yYtToOnNfF"].map((ch) => ch.charCodeAt(0)));

/** Go's strconv.ParseInt(s, 0, 64) syntax, after underscores are removed. */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml's yamlStyleFloat. */
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go's ParseFloat accepts a leading-dot float. */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
/** The start of a YAML timestamp; go-yaml v2 keeps these as strings, but quoting them is harmless. */
const TIMESTAMP_START = /^[0-9]{4}-/;
/** YAML 1.1 base-60 numbers (`12:30` is 750 to PyYAML); go-yaml v2 reads them as strings. */
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;
/**
 * Largest magnitude Go's ParseUint accepts (2^64 - 1); beyond it go-yaml falls back to a
 * float. As a double it rounds to 2^64, so the bound is inexact by one at the very edge.
 */
const UINT64_MAX = 2 ** 64;

function parseGoInt(sign: string, body: string): number {
  let value: number;
  if (/^0[xX]/.test(body)) value = Number.parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) value = Number.parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) value = Number.parseInt(body.slice(2), 2);
  else if (body.length > 1 && body.startsWith("0")) value = Number.parseInt(body.slice(1), 8);
  else value = Number.parseInt(body, 10);
  return sign === "-" ? -value : value;
}

/**
 * A quick answer for most plain scalars: one that starts with a letter no bool or null word
 * starts with is a string (false means only "not sure": ask {@link resolvePlainScalar}).
 */
export function isSurelyString(text: string): boolean {
  const c = text.charCodeAt(0);
  return ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) && !WORD_STARTS.has(c);
}

/**
 * Resolves a plain scalar as go-yaml v2 does. Quoted scalars are always strings and must
 * not be passed here.
 */
export function resolvePlainScalar(text: string): ResolvedScalar {
  if (isSurelyString(text)) return { tag: "str", value: text };
  const c = text.charCodeAt(0);
  // The words are short: longer text is not looked up (it would be hashed for nothing).
  if (text.length <= LONGEST_WORD) {
    if (TRUE.has(text)) return { tag: "bool", value: true };
    if (FALSE.has(text)) return { tag: "bool", value: false };
    if (NULL.has(text)) return { tag: "null", value: null };
    if (POS_INF.has(text)) return { tag: "float", value: Number.POSITIVE_INFINITY };
    if (NEG_INF.has(text)) return { tag: "float", value: Number.NEGATIVE_INFINITY };
    if (NAN.has(text)) return { tag: "float", value: Number.NaN };
    if (text === "<<") return { tag: "merge", value: "<<" };
  }
  const first = text.charAt(0);
  if ((c >= 0x30 && c <= 0x39) || first === "+" || first === "-") {
    const plain = text.includes("_") ? text.replace(/_/g, "") : text;
    const int = GO_INT.exec(plain);
    if (int) {
      const value = parseGoInt(int[1] ?? "", int[2] ?? "");
      // Beyond uint64 Go falls through to the float rule, which matches plain digits too.
      return Math.abs(value) <= UINT64_MAX ? { tag: "int", value } : { tag: "float", value };
    }
    if (GO_FLOAT.test(plain)) return { tag: "float", value: Number.parseFloat(plain) };
  } else if (first === "." && DOT_FLOAT.test(text)) {
    return { tag: "float", value: Number.parseFloat(text) };
  }
  return { tag: "str", value: text };
}

/**
 * True when Concourse would read `text`, written as a plain scalar, as something other
 * than that string. Such strings must be quoted, as keys and as values. Timestamps,
 * base-60 numbers and `=` count too: go-yaml v2 keeps them as strings, but other YAML 1.1
 * readers (PyYAML, editors) do not, and quoting them costs nothing.
 */
export function needsQuotesForConcourse(text: string): boolean {
  if (resolvePlainScalar(text).tag !== "str") return true;
  return TIMESTAMP_START.test(text) || SEXAGESIMAL.test(text) || text === "=";
}
