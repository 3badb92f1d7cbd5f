/**
 * contrail's line index answers as the `yaml` package's LineCounter did, for every offset
 * of texts with LF, CRLF, blank lines, a BOM and no final newline.
 */
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { LineIndex } from "../../packages/sdk/src/yaml/line-index.ts";

const TEXTS = ["", "a: 1", "a: 1\n", "a: 1\nb:\n\n  - x\n", "\ufeffa: 1\r\nb: |\r\n  x\r\n\r\n", "a: 'x\n  y'\nb: [1,\n  2]\n# end"];

describe("LineIndex", () => {
  for (const text of TEXTS) {
    it(`matches LineCounter on ${JSON.stringify(text)}`, () => {
      const counter = new LineCounter();
      parseDocument(text, { lineCounter: counter });
      const index = new LineIndex(text);
      for (let offset = 0; offset <= text.length + 1; offset++) expect(index.linePos(offset)).toEqual(counter.linePos(offset));
    });
  }

  it("counts lines and columns from 1", () => {
    const index = new LineIndex("ab\ncd\n");
    expect(index.linePos(0)).toEqual({ line: 1, col: 1 });
    expect(index.linePos(4)).toEqual({ line: 2, col: 2 });
    expect(index.linePos(6)).toEqual({ line: 3, col: 1 });
  });
});
