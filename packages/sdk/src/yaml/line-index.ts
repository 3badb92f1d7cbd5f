/**
 * Offsets to 1-based lines and columns, for every reader of YAML text: the line starts are
 * found once (on first use), and each lookup is a binary search. It answers as the `yaml`
 * package's `LineCounter` does, so that positions do not depend on which reader ran.
 */

/** A 1-based line and column. */
export interface LinePos {
  readonly line: number;
  readonly col: number;
}

/** Maps offsets in one text to lines and columns. */
export class LineIndex {
  private readonly text: string;
  private starts: Uint32Array | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** Offsets where each line starts: 0, then one past every `\n` (4 bytes a line: large files have many). */
  get lineStarts(): Uint32Array {
    if (this.starts === undefined) {
      let count = 1;
      for (let at = this.text.indexOf("\n"); at !== -1; at = this.text.indexOf("\n", at + 1)) count++;
      const starts = new Uint32Array(count);
      let i = 1;
      for (let at = this.text.indexOf("\n"); at !== -1; at = this.text.indexOf("\n", at + 1)) starts[i++] = at + 1;
      this.starts = starts;
    }
    return this.starts;
  }

  /** The 1-based line and column of `offset` (a column counts UTF-16 units, as the offsets do). */
  linePos(offset: number): LinePos {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - (starts[low - 1] as number) + 1 };
  }
}
