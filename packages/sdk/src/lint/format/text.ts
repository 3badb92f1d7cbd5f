/**
 * `--format text`: `file:line:col severity code: message`, a code frame (two lines of context
 * and a caret under the column), then a summary line.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { type Palette, PLAIN, severityColour } from "./palette.ts";

/** The source text of each file, for code frames. */
export type Sources = ReadonlyMap<string, string>;

function frame(source: string | undefined, line: number | undefined, column: number | undefined, paint: Palette): string {
  if (source === undefined || line === undefined) return "";
  const lines = source.split("\n");
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  let out = "";
  for (let n = from; n <= to; n++) {
    const marker = n === line ? paint.marker(">") : " ";
    out += `  ${marker} ${paint.dim(`${String(n).padStart(width)} |`)} ${(lines[n - 1] ?? "").replace(/\r$/, "")}\n`;
    if (n === line) out += `    ${paint.dim(`${" ".repeat(width)} |`)} ${" ".repeat(Math.max(0, (column ?? 1) - 1))}${paint.marker("^")}\n`;
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

/** Formats diagnostics as text with code frames, coloured with `paint` (none by default). */
export function formatText(diagnostics: readonly Diagnostic[], sources: Sources, files: number, paint: Palette = PLAIN): string {
  let out = "";
  for (const d of diagnostics) {
    // Without a line (a rendered pipeline.ts), the path is the only way to the problem.
    const place = d.line ? `:${d.line}:${d.column ?? 1}` : d.path ? `: ${d.path}` : "";
    const where = d.file ? `${d.file}${place}: ` : d.path ? `${d.path}: ` : "";
    out += `${where}${severityColour(paint, d.severity)(d.severity)} ${paint.code(d.code)}: ${d.message}\n`;
    out += frame(d.file === undefined ? undefined : sources.get(d.file), d.line, d.column, paint);
    if (d.hint) out += `  ${paint.dim("hint:")} ${d.hint}\n`;
    out += "\n";
  }
  return `${out}${summary(diagnostics, files)}\n`;
}
