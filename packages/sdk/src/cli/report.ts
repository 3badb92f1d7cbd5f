/**
 * Prints render diagnostics (which have paths but no lines) for people.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { oneLineSafe } from "../diagnostics/terminal-safe.ts";

/** One diagnostic per line with its hint, then a count. */
export function formatRenderDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return "";
  const lines = diagnostics.map((d) => {
    const where = d.path ? `${file}: ${d.path}` : file;
    return `${oneLineSafe(where)}: ${d.severity} ${d.code}: ${oneLineSafe(d.message)}${d.hint ? `\n  hint: ${oneLineSafe(d.hint)}` : ""}`;
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
