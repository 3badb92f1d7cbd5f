/**
 * Prints render diagnostics (which have paths but no lines) for people.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** One diagnostic per line with its hint, then a count. */
export function formatRenderDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return "";
  const lines = diagnostics.map((d) => {
    // A finding in a task file has its own place there.
    const at = d.file !== undefined && d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : file;
    const where = d.path ? `${at}: ${d.path}` : at;
    return `${where}: ${d.severity} ${d.code}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ""}`;
  });
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const counts = [
    errors ? `${errors} error${errors === 1 ? "" : "s"}` : "",
    warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `${lines.join("\n")}\n${counts}\n`;
}
