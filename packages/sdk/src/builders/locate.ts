/**
 * Puts diagnostics about builder objects at the user's line: a diagnostic's YAML path
 * leads to the object rendered there (the longest recorded prefix of the path), and that
 * object to the `pipeline.ts:LINE:COL` where the user's code created it.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { siteOf } from "../diagnostics/source-site.ts";
import type { Origins } from "./origins.ts";

// The last segment of a formatted path: `.key` or `[index]`.
const LAST_SEGMENT = /(?:\.[^.[\]]*|\[\d+\])$/;

/**
 * The builder rendered at `path` or nearest above it. `origins` maps formatted paths to
 * the objects rendered there; the empty path is the pipeline.
 */
export function originOf(origins: Pick<Origins, "get">, path: string): object | undefined {
  for (let p = path; ; p = p.replace(LAST_SEGMENT, "")) {
    const origin = origins.get(p);
    if (origin !== undefined) return origin;
    if (p === "" || !LAST_SEGMENT.test(p)) return origins.get("");
  }
}

/**
 * `diagnostic` with `file`, `line` and `column` of the user's code that created the object
 * it is about, when known; unchanged when it already has a file or the place is unknown.
 * The YAML path is kept.
 */
export function locateDiagnostic(origins: Pick<Origins, "get">, diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.file !== undefined) return diagnostic;
  const origin = originOf(origins, diagnostic.path);
  const site = origin === undefined ? undefined : siteOf(origin);
  return site === undefined ? diagnostic : { ...diagnostic, file: site.file, line: site.line, column: site.column };
}
