/** `--format json`: an array of diagnostics with exactly code, severity, message, path, file, line, column. */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";

/** Formats diagnostics as a JSON array. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    path: d.path,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
