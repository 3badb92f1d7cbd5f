/**
 * Test data: strings a YAML 1.1 reader (Concourse's go-yaml v2) would misread if written
 * plain, and fast-check arbitraries built around them.
 */
import fc from "fast-check";

/** Every string of concourse-semantics.md section 7 that must not be written plain. */
export const RISKY_STRINGS = [
  "on",
  "yes",
  "no",
  "y",
  "Y",
  "n",
  "off",
  "0755",
  "1_000",
  "12:30",
  "0x1F",
  "+0x1F",
  "0o17",
  "0O17",
  "0X1F",
  "0b101",
  "0B101",
  "-0b101",
  ".inf",
  "-.Inf",
  ".nan",
  "~",
  "null",
  "",
  "1e3",
  ".5",
  "1.10",
  "2024-01-01",
  "<<",
  "=",
  "true",
  "False",
] as const;

/** Characters that matter to YAML's plain-scalar, number and quoting rules. */
const SOUP = [
  ..."0123456789_:.-+#'\"\n \t\\exobXOBynYN()~<=%@!&*|>?,[]{}/",
  "\r",
  "\u2028",
  "\u0085",
  "\ufeff",
  "\u00a0",
  "\u0000",
  "\u001b",
];

/** Short strings made of YAML-significant characters: numbers, indicators, quotes, breaks. */
export const soupString = fc.string({ unit: fc.constantFrom(...SOUP), maxLength: 12 });

/** A risky word wrapped in leading or trailing whitespace, or next to a var reference. */
const wrappedRisky = fc
  .tuple(
    fc.constantFrom("", " ", "  ", "\n", "\t", "((var))", "x-"),
    fc.constantFrom(...RISKY_STRINGS, "((var))", "((source:path.field))", "((.:local))", "a: b", "a #b", "{{name}}"),
    fc.constantFrom("", " ", "\n", "  \n", "((var))", ":"),
  )
  .map((parts) => parts.join(""));

/** Multi-line text shaped like a shell script: indented lines, blank lines, comment lines. */
export const scriptString = fc
  .array(fc.oneof(soupString, fc.constantFrom("", " ", "  indented", "\tx", "# comment", "---", "...", "%x", 'echo "a: b"')), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((lines) => fc.constantFrom("", "\n", "\n\n").map((end) => lines.join("\n") + end));

/** Any string worth trying as a key or a value. */
export const riskyString = fc.oneof(
  fc.constantFrom(...RISKY_STRINGS),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary-ascii" }),
  soupString,
  wrappedRisky,
  scriptString,
);
