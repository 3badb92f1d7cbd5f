/** Shared helpers of the resource catalogue tests. */
import { expect, it } from "vitest";
import { checkResourceConfig, formatPath, type Pipeline } from "../../../packages/sdk/src/index.ts";

/** A problem, reduced to what tests assert. */
export interface Found {
  readonly code: string;
  readonly path: string;
  readonly severity: string;
}

/** `checkResourceConfig`, with paths formatted (`sort.method`). */
export function check(type: string, kind: "source" | "get" | "put" | "version", value: unknown, source?: unknown): Found[] {
  return checkResourceConfig(type, kind, value, source === undefined ? {} : { source }).map((p) => ({
    code: p.code,
    path: formatPath(p.path),
    severity: p.severity,
  }));
}

/** A pipeline's diagnostics, reduced. */
export function diagnostics(pipeline: Pipeline): Found[] {
  return pipeline.synth().diagnostics.map((d) => ({ code: d.code, path: d.path, severity: d.severity }));
}

/** One table row: a value, and exactly the problems it must give. */
export type Case = readonly [
  title: string,
  kind: "source" | "get" | "put" | "version",
  value: unknown,
  expected: Found[],
  source?: unknown,
];

/** Shorthand for an expected problem. */
export function e(code: string, path: string, severity: "error" | "warning" = "error"): Found {
  return { code, path, severity };
}

/** Runs a table of cases against one type. */
export function table(type: string, cases: readonly Case[]): void {
  for (const [title, kind, value, expected, source] of cases) {
    it(title, () => {
      expect(check(type, kind, value, source)).toEqual(expected);
    });
  }
}
