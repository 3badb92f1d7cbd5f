/**
 * Prints render diagnostics for people. One about a builder object leads with the line of
 * the user's TypeScript that made it (`pipeline.ts:LINE:COL`) and a code frame, then its
 * YAML path; the rest are named by the pipeline file and the YAML path.
 */
import { isAbsolute, relative } from "node:path";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import type { Io } from "../io/io.ts";
import { type Palette, PLAIN } from "../lint/format/palette.ts";
import { formatDiagnostic } from "../lint/format/text.ts";

/**
 * Diagnostics with their files shown as the user named them: relative to the working
 * directory (the pipeline file as given on the command line).
 */
export function relativeFiles(diagnostics: readonly Diagnostic[], io: Io, given?: { file: string; path: string }): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.file === undefined || !isAbsolute(d.file)) return d;
    const file = given && d.file === given.path ? given.file : relative(io.cwd, d.file) || d.file;
    return { ...d, file };
  });
}

/** Reads each file the diagnostics name, for code frames; files that cannot be read are left out. */
export function readSources(diagnostics: readonly Diagnostic[], io: Io, into = new Map<string, string>()): Map<string, string> {
  for (const d of diagnostics) {
    if (d.file === undefined || d.line === undefined || into.has(d.file)) continue;
    try {
      into.set(d.file, io.readFile(d.file));
    } catch {
      // No frame for a file that went away; the position is still printed.
    }
  }
  return into;
}

/**
 * Errors first, then warnings, each in file and line order; then a count. `label` names
 * the pipeline file for diagnostics without a line of their own; `paint` colours it.
 */
export function formatRenderDiagnostics(label: string, diagnostics: readonly Diagnostic[], io: Io, paint: Palette = PLAIN): string {
  if (diagnostics.length === 0) return "";
  const shown = sortDiagnostics(relativeFiles(diagnostics, io));
  const sources = readSources(shown, io);
  const blocks = shown.map((d) =>
    d.line !== undefined && d.file !== undefined
      ? formatDiagnostic(d, sources.get(d.file), paint)
      : formatDiagnostic({ ...d, file: d.path ? `${label}: ${d.path}` : label, path: "" }, undefined, paint),
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const counts = [
    errors ? `${errors} error${errors === 1 ? "" : "s"}` : "",
    warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `${blocks.join("")}${counts}\n`;
}
