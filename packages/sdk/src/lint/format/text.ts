/**
 * `--format text`: `file:line:col severity code: message`, a code frame (two lines of context
 * and a caret under the column), then a summary line.
 *
 * Bounded for hostile input: each source is split into lines once (not once per finding),
 * frame lines are cut to a window around the column, at most `maxPerFile` findings are
 * printed per file (with a count of the rest), credentials in frames are masked and control
 * characters escaped.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { HIDDEN, isCredentialKey, maskYamlLine } from "../../diagnostics/secrets.ts";
import { oneLineSafe, terminalSafe } from "../../diagnostics/terminal-safe.ts";

/** The source text of each file, for code frames. */
export type Sources = ReadonlyMap<string, string>;

/** Options of {@link formatText}. */
export interface TextOptions {
  /** Print at most this many findings per file, then how many more there are (default {@link DEFAULT_MAX_FINDINGS}). */
  readonly maxPerFile?: number;
}

/** How many findings per file `--format text` prints unless told otherwise. */
export const DEFAULT_MAX_FINDINGS = 100;

/** The widest frame line printed; longer lines are cut to a window around the column. */
const FRAME_WIDTH = 160;

/** How far above a line to look for the `key: |` whose block scalar holds it. */
const BLOCK_LOOKBACK = 200;

/** Lines of one source, split once. */
class SourceLines {
  readonly lines: readonly string[];
  constructor(source: string) {
    this.lines = source.split("\n").map((line) => line.replace(/\r$/, ""));
  }
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** True when line `n` (1-based) is inside a block scalar (`key: |`) of a credential key. */
function inCredentialBlock(lines: readonly string[], n: number): boolean {
  const line = lines[n - 1] ?? "";
  if (line.trim() === "") return false;
  const indent = indentOf(line);
  for (let k = n - 1; k >= 1 && k >= n - BLOCK_LOOKBACK; k--) {
    const above = lines[k - 1] ?? "";
    if (above.trim() === "" || indentOf(above) >= indent) continue;
    const m = /^\s*(?:-\s+)*["']?([^"':#]+)["']?\s*:\s*[|>][-+0-9]*\s*$/.exec(above);
    return m !== null && isCredentialKey((m[1] ?? "").trim());
  }
  return false;
}

/** A frame line cut to {@link FRAME_WIDTH} around `column`, with the caret's new column. */
function window(text: string, column: number): { text: string; column: number } {
  if (text.length <= FRAME_WIDTH) return { text, column };
  const start = Math.max(0, Math.min(column - 1 - FRAME_WIDTH / 2, text.length - FRAME_WIDTH));
  const cut = text.slice(start, start + FRAME_WIDTH);
  const before = start > 0 ? "…" : "";
  const after = start + FRAME_WIDTH < text.length ? "…" : "";
  return { text: `${before}${cut}${after}`, column: column - start + before.length };
}

function frame(source: SourceLines | undefined, d: Diagnostic): string {
  const line = d.line;
  if (source === undefined || line === undefined) return "";
  const { lines } = source;
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const flagged = d.code === "plaintext-credential";
  let out = "";
  for (let n = from; n <= to; n++) {
    const marker = n === line ? ">" : " ";
    const raw = lines[n - 1] ?? "";
    const masked = inCredentialBlock(lines, n) ? `${" ".repeat(indentOf(raw))}${HIDDEN}` : maskYamlLine(raw, flagged && n === line);
    const shown = window(terminalSafe(masked), n === line ? (d.column ?? 1) : 1);
    out += `  ${marker} ${String(n).padStart(width)} | ${shown.text}\n`;
    if (n === line) out += `    ${" ".repeat(width)} | ${" ".repeat(Math.max(0, shown.column - 1))}^\n`;
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The summary line: `2 errors, 1 warning in 1 file`. */
export function summary(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}`;
}

/** Formats diagnostics as text with code frames. */
export function formatText(diagnostics: readonly Diagnostic[], sources: Sources, files: number, options: TextOptions = {}): string {
  const max = options.maxPerFile ?? DEFAULT_MAX_FINDINGS;
  const split = new Map<string, SourceLines>();
  const printed = new Map<string, number>();
  const parts: string[] = [];
  for (const d of diagnostics) {
    const key = d.file ?? "";
    const count = (printed.get(key) ?? 0) + 1;
    printed.set(key, count);
    if (count > max) continue;
    // Without a line (a rendered pipeline.ts), the path is the only way to the problem.
    const place = d.line ? `:${d.line}:${d.column ?? 1}` : d.path ? `: ${d.path}` : "";
    const where = d.file ? `${d.file}${place}: ` : d.path ? `${d.path}: ` : "";
    let source: SourceLines | undefined;
    if (d.file !== undefined) {
      source = split.get(d.file);
      const text = source === undefined ? sources.get(d.file) : undefined;
      if (text !== undefined) {
        source = new SourceLines(text);
        split.set(d.file, source);
      }
    }
    let out = `${oneLineSafe(where)}${d.severity} ${d.code}: ${oneLineSafe(d.message)}\n`;
    out += frame(source, d);
    if (d.hint) out += `  hint: ${oneLineSafe(d.hint)}\n`;
    parts.push(`${out}\n`);
  }
  for (const [file, count] of printed) {
    if (count > max) {
      parts.push(
        `${oneLineSafe(file || "(no file)")}: ${count - max} more finding${count - max === 1 ? "" : "s"} not shown (the first ${max} are above); give --max-findings N to see more, or --format json for all.\n\n`,
      );
    }
  }
  return `${parts.join("")}${summary(diagnostics, files)}\n`;
}
