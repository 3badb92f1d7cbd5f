/**
 * Problems are values: every check in contrail (render, lint, import) reports
 * {@link Diagnostic}s and collects them instead of stopping at the first.
 */

import { oneLineSafe } from "./terminal-safe.ts";

/**
 * How bad a problem is. `error`: Concourse would refuse the pipeline, or contrail cannot
 * produce it. `warning`: likely to break at run time, or bad practice. `info`: a note.
 */
export type Severity = "error" | "warning" | "info";

/** One problem found in a pipeline. */
export interface Diagnostic {
  /** A stable, kebab-case code (`unknown-resource`). Codes are public API: never renamed. */
  readonly code: string;
  /** How bad it is. */
  readonly severity: Severity;
  /** What is wrong, in one line. For rules Concourse also checks, Concourse's own text. */
  readonly message: string;
  /** Where, in Concourse's dotted form: `jobs.build.plan[2].task`. Empty for the whole file. */
  readonly path: string;
  /** The file the problem is in, when the input was a file. */
  readonly file?: string | undefined;
  /** 1-based line of the offending node, when the input was a file. */
  readonly line?: number | undefined;
  /** 1-based column of the offending node, when the input was a file. */
  readonly column?: number | undefined;
  /** How to fix it, when there is more to say than the message. */
  readonly hint?: string | undefined;
}

/** A path segment: a key, an index, or a pre-formatted piece such as `get(repo)`. */
export type PathSegment = string | number;

/**
 * Formats path segments the way Concourse users read them: keys joined by dots, indexes
 * in brackets (`["jobs", "build", "plan", 2]` gives `jobs.build.plan[2]`).
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * The order users read diagnostics in: errors, then warnings, then notes; within each,
 * by file, line and column (those without a file first, in the order found).
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Formats one diagnostic as a single line: `path: severity code: message`. */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ""}` : "";
  const loc = [where, d.path].filter(Boolean).join(" ");
  return `${loc ? `${oneLineSafe(loc)}: ` : ""}${d.severity} ${d.code}: ${oneLineSafe(d.message)}${d.hint ? `\n  hint: ${oneLineSafe(d.hint)}` : ""}`;
}

/**
 * Thrown at API boundaries that must throw (for example {@link renderPipeline} on a
 * pipeline with errors). Carries every diagnostic, not just the first.
 */
export class ContrailError extends Error {
  /** Every problem found. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], summary?: string) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(
      `${summary ?? `${errors.length} problem${errors.length === 1 ? "" : "s"} in the pipeline`}:\n${errors
        .map((d) => `  ${formatDiagnosticLine(d)}`)
        .join("\n")}`,
    );
    this.name = "ContrailError";
    this.diagnostics = diagnostics;
  }
}
