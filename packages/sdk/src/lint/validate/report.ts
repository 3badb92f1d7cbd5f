/**
 * Findings of the validate stage and of contrail's own rules, before positions are attached:
 * each points at a decoded object (and one of its keys) that the YAML front end maps back to
 * a line and column.
 */
import type { PathSegment } from "../../diagnostics/diagnostic.ts";

/** One finding. */
export interface Finding {
  readonly code: string;
  readonly severity: "error" | "warning";
  /** Concourse's text for Concourse's rules. */
  readonly message: string;
  /** Our dotted path (`jobs.build.plan[2].task`). */
  readonly path: readonly PathSegment[];
  /** The decoded object the finding is about, for positions. */
  readonly target?: object | undefined;
  /** The key of `target` the finding is about. */
  readonly key?: string | undefined;
  /** How to fix it. */
  readonly hint?: string | undefined;
  /** A place in another file (a task file), overriding `target` for the position. */
  readonly at?: FileLocation | undefined;
}

/** A position in a named file. */
export interface FileLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Collects findings in emission order. */
export class Report {
  readonly findings: Finding[] = [];

  /** Adds an error. */
  error(code: string, message: string, path: readonly PathSegment[], target?: object, key?: string, hint?: string): void {
    this.findings.push({ code, severity: "error", message, path, target, key, hint });
  }

  /** Adds a finding as it is. */
  add(finding: Finding): void {
    this.findings.push(finding);
  }

  /** Adds a warning. */
  warning(code: string, message: string, path: readonly PathSegment[], target?: object, key?: string, hint?: string): void {
    this.findings.push({ code, severity: "warning", message, path, target, key, hint });
  }
}
