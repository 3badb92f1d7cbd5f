/**
 * `--format sarif`: SARIF 2.1.0, one rule per code, for GitHub code scanning and friends.
 * File locations are relative to the working directory (`uriBaseId: SRCROOT`, given in
 * `originalUriBaseIds`) and percent-encoded, so that any file name makes a valid URI
 * reference; a file outside the working directory gets an absolute `file:` URI.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-3.3
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { RULES } from "../codes.ts";

/** The base id that relative artifact URIs are resolved against. */
export const SARIF_ROOT = "SRCROOT";

/** Options of {@link formatSarif}. */
export interface SarifOptions {
  /** contrail's version, for `tool.driver.version`. */
  readonly version: string;
  /** The folder file names are relative to, and SRCROOT stands for. */
  readonly cwd: string;
}

/** One path segment percent-encoded as RFC 3986 allows in a path: unreserved characters stay. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The artifact location of a file as the user named it. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const fromRoot = relative(cwd, absolute);
  if (fromRoot === "" || fromRoot.startsWith("..") || isAbsolute(fromRoot)) return { uri: pathToFileURL(absolute).href };
  return { uri: fromRoot.split(sep).map(encodeSegment).join("/"), uriBaseId: SARIF_ROOT };
}

/** A rule's friendly name, as SARIF wants it: `unknown-resource` -> `UnknownResource`. */
export function ruleName(code: string): string {
  return code
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** Formats diagnostics as a SARIF log. */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => {
    const info = RULES[code];
    return {
      id: code,
      name: ruleName(code),
      shortDescription: { text: info?.description ?? code },
      defaultConfiguration: { level: info?.severity ?? "warning" },
    };
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: index.get(d.code) ?? -1,
    level: d.severity === "info" ? "note" : d.severity,
    message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
    locations: [
      {
        ...(d.file !== undefined
          ? {
              physicalLocation: {
                artifactLocation: artifactLocation(d.file, options.cwd),
                ...(d.line ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {}),
              },
            }
          : {}),
        ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path }] } : {}),
      },
    ],
  }));
  const root = pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : `${options.cwd}${sep}`).href;
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "contrail", version: options.version, rules } },
        originalUriBaseIds: { [SARIF_ROOT]: { uri: root } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
