/**
 * Mutation runs: the project's own YAML files with random small edits (a character deleted
 * or inserted, a line indented, dedented, doubled or dropped), each read both ways. Most
 * edits make odd or invalid YAML, which is where a silent difference would hide: the fast
 * reader must agree with the yaml package or give up.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectAgreement, type Path } from "./agreement.ts";
import { projectYamlFiles } from "./fixtures.ts";

const INSERTS = [
  " ",
  " ",
  "\n",
  ":",
  "-",
  "#",
  '"',
  "'",
  "\t",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&",
  "*",
  "!",
  "|",
  ">",
  "a",
  "\r\n",
  "? ",
  "- ",
  ": ",
  "---\n",
  "...",
];

type Edit = (text: string, at: number, pick: number) => string;

function lineBounds(text: string, at: number): [number, number] {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const nl = text.indexOf("\n", at);
  return [start, nl === -1 ? text.length : nl + 1];
}

const EDITS: Record<string, Edit> = {
  delete: (t, at) => t.slice(0, at) + t.slice(at + 1),
  insert: (t, at, pick) => t.slice(0, at) + INSERTS[pick % INSERTS.length] + t.slice(at),
  indent: (t, at, pick) => {
    const [start] = lineBounds(t, at);
    return t.slice(0, start) + " ".repeat(1 + (pick % 3)) + t.slice(start);
  },
  dedent: (t, at) => {
    const [start] = lineBounds(t, at);
    return t[start] === " " ? t.slice(0, start) + t.slice(start + 1) : t;
  },
  "double a line": (t, at) => {
    const [start, end] = lineBounds(t, at);
    return t.slice(0, end) + t.slice(start, end) + t.slice(end);
  },
  "drop a line": (t, at) => {
    const [start, end] = lineBounds(t, at);
    return t.slice(0, start) + t.slice(end);
  },
};

const files = projectYamlFiles();

describe("mutated fixtures read the same on both paths, or fall back", () => {
  it("has fixtures to mutate", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("one to three random edits per file", () => {
    let fast = 0;
    let total = 0;
    const edit = fc.record({ kind: fc.constantFrom(...Object.keys(EDITS)), at: fc.nat(), pick: fc.nat() });
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (index, edits) => {
        const file = files[index] as { name: string; text: string };
        let text = file.text;
        for (const e of edits) text = (EDITS[e.kind] as Edit)(text, text.length === 0 ? 0 : e.at % text.length, e.pick);
        const path: Path = expectAgreement(text, `${file.name} after ${JSON.stringify(edits)}, giving ${JSON.stringify(text)}`);
        total++;
        if (path === "fast") fast++;
      }),
      { numRuns: 1500 },
    );
    // Many edits keep the YAML valid (a space inside a value, a doubled line); those must not all fall back.
    expect(fast / total).toBeGreaterThan(0.2);
  });
});
