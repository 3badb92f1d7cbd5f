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
import { maskYamlSourceLine } from "../../diagnostics/secrets.ts";
import { oneLineSafe, terminalSafe } from "../../diagnostics/terminal-safe.ts";
import { type Palette, PLAIN, severityColour } from "./palette.ts";

/** The source text of each file, for code frames. */
export type Sources = ReadonlyMap<string, string>;

/** Options of {@link formatText}. */
export interface TextOptions {
  /** Print at most this many findings per file, then how many more there are (default {@link DEFAULT_MAX_FINDINGS}). */
  readonly maxPerFile?: number | undefined;
  /** Appended to the summary line (`N file tasks not checked: ...`). */
  readonly note?: string | undefined;
  /** Colours (none by default). */
  readonly paint?: Palette | undefined;
}

/** How many findings per file `--format text` prints unless told otherwise. */
export const DEFAULT_MAX_FINDINGS = 100;

/** The widest frame line printed; longer lines are cut to a window around the column. */
const FRAME_WIDTH = 160;

/** Lines of one source, split once, each masked and escaped for a frame at most once. */
export class SourceLines {
  readonly lines: readonly string[];
  // Many findings share lines (a one-line JSON pipeline has all of them on line 1): masking
  // and escaping a 1 MB line for each of 100 frames took seconds.
  readonly #shown = new Map<string, string>();
  constructor(source: string) {
    this.lines = source.split("\n").map((line) => line.replace(/\r$/, ""));
  }

  /** Line `n` (1-based) as a frame shows it: credentials masked, control characters escaped. */
  shown(n: number, flagged: boolean): string {
    const key = `${n}${flagged ? "!" : ""}`;
    let text = this.#shown.get(key);
    if (text === undefined) {
      text = terminalSafe(maskYamlSourceLine(this.lines, n, flagged));
      this.#shown.set(key, text);
    }
    return text;
  }
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

/** What a code frame is drawn with. */
export interface FrameOptions {
  /** The line is flagged as holding a credential: its value is masked whatever its key. */
  readonly flagged?: boolean | undefined;
  readonly paint?: Palette | undefined;
}

/**
 * Two lines either side of `line` of `source`, and a caret under `column`; empty without a
 * line. Credentials are masked, control characters escaped, long lines cut.
 */
export function codeFrame(
  source: string | SourceLines | undefined,
  line: number | undefined,
  column: number | undefined,
  options: FrameOptions = {},
): string {
  if (source === undefined || line === undefined) return "";
  const paint = options.paint ?? PLAIN;
  const sourceLines = typeof source === "string" ? new SourceLines(source) : source;
  const { lines } = sourceLines;
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  let out = "";
  for (let n = from; n <= to; n++) {
    const marker = n === line ? paint.marker(">") : " ";
    const shown = window(sourceLines.shown(n, options.flagged === true && n === line), n === line ? (column ?? 1) : 1);
    out += `  ${marker} ${paint.dim(`${String(n).padStart(width)} |`)} ${shown.text}\n`;
    if (n === line) out += `    ${paint.dim(`${" ".repeat(width)} |`)} ${" ".repeat(Math.max(0, shown.column - 1))}${paint.marker("^")}\n`;
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

// A position in a script (pipeline.ts) rather than in pipeline YAML.
const SCRIPT = /\.[cm]?[jt]sx?$/;

/**
 * One diagnostic: its place and message, the code frame of `source` (the file's text,
 * when known), the YAML path when the place is a line of TypeScript, and the hint.
 */
export function formatDiagnostic(d: Diagnostic, source: string | SourceLines | undefined, paint: Palette = PLAIN): string {
  // Without a line (a rendered pipeline.ts), the path is the only way to the problem.
  const place = d.line ? `:${d.line}:${d.column ?? 1}` : d.path ? `: ${d.path}` : "";
  const where = d.file ? `${d.file}${place}: ` : d.path ? `${d.path}: ` : "";
  // The place stays on one line; a message may span lines (a drift's diff) but no control
  // character of a hostile name reaches the terminal.
  let out = `${oneLineSafe(where)}${severityColour(paint, d.severity)(d.severity)} ${paint.code(d.code)}: ${terminalSafe(d.message)}\n`;
  out += codeFrame(source, d.line, d.column, { flagged: d.code === "plaintext-credential", paint });
  if (d.line && d.path && d.file && SCRIPT.test(d.file)) out += `  ${paint.dim("in")} ${oneLineSafe(d.path)}\n`;
  if (d.hint) out += `  ${paint.dim("hint:")} ${terminalSafe(d.hint)}\n`;
  return out;
}

/** Formats diagnostics as text with code frames, in linear time. */
export function formatText(diagnostics: readonly Diagnostic[], sources: Sources, files: number, options: TextOptions = {}): string {
  const max = options.maxPerFile ?? DEFAULT_MAX_FINDINGS;
  const paint = options.paint ?? PLAIN;
  const split = new Map<string, SourceLines>();
  const printed = new Map<string, number>();
  const parts: string[] = [];
  for (const d of diagnostics) {
    const key = d.file ?? "";
    const count = (printed.get(key) ?? 0) + 1;
    printed.set(key, count);
    if (count > max) continue;
    let source: SourceLines | undefined;
    if (d.file !== undefined) {
      source = split.get(d.file);
      const text = source === undefined ? sources.get(d.file) : undefined;
      if (text !== undefined) {
        source = new SourceLines(text);
        split.set(d.file, source);
      }
    }
    parts.push(`${formatDiagnostic(d, source, paint)}\n`);
  }
  for (const [file, count] of printed) {
    if (count > max) {
      parts.push(
        `${oneLineSafe(file || "(no file)")}: ${count - max} more finding${count - max === 1 ? "" : "s"} not shown (the first ${max} are above); give --max-findings N to see more, or --format json for all.\n\n`,
      );
    }
  }
  const note = options.note ? `; ${options.note}` : "";
  return `${parts.join("")}${summary(diagnostics, files)}${note}\n`;
}
