/**
 * Hand-written YAML at the edges of what the fast reader implements: each input must read
 * the same on both paths or fall back; those marked `fast` must also take the fast path
 * (so that the fast reader cannot pass by giving up on everything).
 */
import { describe, expect, it } from "vitest";
import { expectAgreement } from "./agreement.ts";

/** Inputs that the fast reader must read itself. */
const FAST: Record<string, string> = {
  "block mapping": "a: 1\nb: two\nc: true\n",
  "nested mapping": "a:\n  b:\n    c: d\n  e: f\ng: h\n",
  "sequence under a key, indented": "a:\n  - x\n  - y\nb: 1\n",
  "sequence under a key, not indented": "a:\n- x\n- y\nb: 1\n",
  "compact mapping in a sequence": "jobs:\n- name: a\n  plan:\n  - get: x\n    trigger: true\n  - task: t\n",
  "sequence in a sequence": "a:\n- - x\n  - y\n- - z\n",
  "empty values": "a:\nb:   \nc: # note\nd:\n  - \n  -\ne: ~\n",
  "key at the end of the text": "a: 1\nb:",
  "key at the end, no newline, after a sequence": "a:\n- 1\nb:",
  "plain scalars":
    "a: hello world\nb: http://x.y/z?q=1#frag\nc: -1\nd: 0755\ne: 1_000\nf: .inf\ng: -.Inf\nh: .nan\ni: yes\nj: Off\nk: null\nl: 1e3\nm: 0x1F\n",
  "multi-line plain scalar": "a: one\n  two\n\n  three\n\n\n  four\nb: x\n",
  "multi-line plain in a sequence": "- one\n  two\n- three\n",
  "single-quoted": "a: 'it''s'\nb: ''\nc: 'x: y # z'\n",
  "double-quoted escapes": 'a: "tab\\tnl\\nq\\"bs\\\\ \\x41 \\u00e9 \\U0001F600 \\/ \\0 \\e \\N \\_"\nb: ""\n',
  "double-quoted folding": 'a: "one\n  two\n\n  three \\\n  four"\n',
  "single-quoted folding": "a: 'one\n  two\n\n\n  three'\n",
  "quoted keys": '"a": 1\n\'b\': 2\n"c d": 3\n',
  "literal block": "a: |\n  line 1\n    indented\n\n  line 3\nb: 1\n",
  "literal strip": "a: |-\n  x\n\n\nb: 1\n",
  "literal keep": "a: |+\n  x\n\n\nb: 1\n",
  "literal keep at the end": "a: |+\n  x\n\n",
  "folded block": "a: >\n  one\n  two\n\n  three\n    more\n  back\nb: 1\n",
  "folded strip and keep": "a: >-\n  one\n  two\nb: >+\n  x\n\nc: 1\n",
  "block scalar with a comment on its header": "a: | # note\n  x\n",
  "block scalar in a sequence": "- |\n  x\n  y\n- >\n  z\n",
  "block scalar, script":
    'run:\n  path: sh\n  args:\n  - -ec\n  - |\n    set -e\n    echo "$FOO" # not a comment\n    if [ -f x ]; then\n      cat x\n    fi\n',
  "flow collections": "a: [1, two, 'three', \"four\"]\nb: {x: 1, 'y': [2, {z: 3}]}\nc: []\nd: {}\ne: [a, b, ]\n",
  "flow across lines": "a: [\n    1,\n    2\n  ]\nb: {\n  x: 1 }\n",
  JSON: '{"jobs": [{"name": "a", "plan": []}], "resources": [], "n": -1.5e3}\n',
  "JSON across lines": '{\n  "a": [\n    1,\n    "b"\n  ],\n  "c": {"d": null}\n}\n',
  "comments everywhere": "# head\na: 1 # one\n# between\n  # indented\nb:\n  # inside\n  - x # x\n  # more\n  - y\n# tail\n",
  "anchors and aliases":
    "base: &base\n  type: git\n  source: {uri: x}\nr:\n- <<: *base\n  name: a\n- *base\nv: &v 1\nw: *v\nl: &l [1, 2]\nm: *l\n",
  "merge of several": "a: &a {x: 1}\nb: &b {y: 2, x: 3}\nc:\n  <<: [*a, *b]\n  z: 4\n",
  tags: "a: !!str 123\nb: !!str true\nc: !local yes\nd: !local 'q'\ne: !custom\n  k: v\nf: &x !!str 1\ng: !!str &y 2\n",
  "document start": "---\na: 1\n",
  "document start with a comment": "--- # doc\na: 1\n",
  "document end": "a: 1\n...\n",
  "a later document": "a: 1\n---\nb: 2\n",
  "a later document with errors": "a: 1\n--- \nb: [\n",
  "YAML directive": "%YAML 1.1\n---\na: 1\n",
  BOM: "\ufeffa: 1\nb: 2\n",
  "BOM and document start": "\ufeff---\na: 1\n",
  CRLF: "a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\nc: |\r\n  one\r\n  two\r\nd: \"p\r\n  q\"\r\n",
  "trailing spaces": "a: 1   \nb:    \n  - x   \nc: 'q'  \n",
  "duplicate keys": 'a: 1\nb: 2\na: 3\n"b": 4\n',
  "invalid keys": "~: 1\nnull: 2\n1.5: x\n0x10: y\n",
  "non-finite values": "a: .inf\nb: [.nan, -.inf]\n",
  "merge of a scalar": "a: &a 1\nb:\n  <<: *a\n",
  "top level sequence": "- a\n- b\n",
  "top level scalar": "just text\n",
  empty: "",
  "only comments": "# nothing\n# here\n",
  "indented document": "  a: 1\n  b: 2\n",
  "keys with odd characters": "a b: 1\n'a:b': 2\nc:d: 3\n-e: 4\n\"#f\": 5\ng#: 6\n",
  "deep but fine": `${Array.from({ length: 50 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} end\n`,
};

/** Inputs the fast reader may give up on; they must still agree when it does not. */
const ANY: Record<string, string> = {
  "complex key": "? a\n: b\n",
  "complex flow key": "[a]: b\n",
  tabs: "a:\t1\nb:\n\t- x\n",
  "tab in a block scalar": "a: |\n  x\ty\n\tz\n",
  "indentation indicator": "a: |2\n   x\n",
  "bad indentation": "a:\n  b: 1\n c: 2\n",
  "unclosed flow": "a: [1, 2\n",
  "unclosed quote": "a: 'x\n",
  "alias to nothing": "a: *x\n",
  "anchor on an empty value": "a: &x\nb: *x\n",
  "alias as key": "a: &k x\n*k : 1\n",
  "explicit document end then more": "a: 1\n...\nb: 2\n",
  "two directives": "%YAML 1.1\n%TAG ! tag:x,2000:\n---\na: 1\n",
  "plain continuation with indicator": "a: one\n  - two\n",
  "plain continuation with a key": "a: one\n  b: two\n",
  "multi-line implicit key": "a\nb: 1\n",
  "long key": `${"k".repeat(1100)}: 1\n`,
  "empty flow entry": "a: [1,,2]\n",
  "flow single pair": "a: [x: 1]\n",
  "flow key without value": "a: {x}\n",
  "flow at insufficient indent": "a: [\n1]\n",
  "lone CR": "a: 1\rb: 2\n",
  // A blank line and then a comment between a key and its value below: the yaml package
  // reads a plain value there as a multi-line key ("Implicit keys need to be on a single line").
  "value below a blank line and a comment": "r: # c\n\n# comment\n e\nt: 1\n",
  "value below a blank line and a comment, no comment on the key": "r:\n\n# comment\n e\nt: 1\n",
  "value below a comment between blank lines": "r: # c\n\n# c\n\n e\nt: 1\n",
  "multi-line value below a blank line and a comment": "r: # c\n\n# c\n e\n f\nt: 1\n",
  "sequence item below a blank line and a comment": "- # c\n\n# c\n  e\n- f\n",
  "bad escape": 'a: "\\q"\n',
  "block scalar more-indented leading blank": "a: |\n     \n  x\n",
  "empty block scalar": "a: |\nb: 1\n",
  "self alias": "a: &a [*a]\n",
  "comment without space": "a: 1#x\nb: 2 #y\n",
  "stray value after a sequence": "a:\n- 1\n  b: 2\n",
  "map and sequence mixed": "a: 1\n- b\n",
  "key after a plain with comment": "a: x # c\n  y\n",
  deep: `a: ${"[".repeat(1000)}${"]".repeat(1000)}\n`,
};

describe("the fast reader agrees with the yaml package", () => {
  for (const [name, text] of Object.entries(FAST)) {
    it(`reads ${name} itself, the same`, () => {
      expect(expectAgreement(text, name)).toBe("fast");
    });
  }
  for (const [name, text] of Object.entries(ANY)) {
    it(`agrees or falls back on ${name}`, () => {
      expectAgreement(text, name);
    });
  }
});
