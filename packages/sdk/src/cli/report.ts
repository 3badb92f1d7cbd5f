/**
 * Prints render diagnostics (which have paths but no lines) for people.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type Palette, PLAIN, severityColour } from "../lint/format/palette.ts";

/** One diagnostic per line with its hint, then a count; coloured with `paint` (none by default). */
export function formatRenderDiagnostics(file: string, diagnostics: readonly Diagnostic[], paint: Palette = PLAIN): string {
  if (diagnostics.length === 0) return "";
  const lines = diagnostics.map((d) => {
    const where = d.path ? `${file}: ${d.path}` : file;
    return `${where}: ${severityColour(paint, d.severity)(d.severity)} ${paint.code(d.code)}: ${d.message}${d.hint ? `\n  ${paint.dim("hint:")} ${d.hint}` : ""}`;
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
