/**
 * `--format sarif`: SARIF 2.1.0, one rule per code, for GitHub code scanning and friends.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { RULES } from "../codes.ts";

/** Formats diagnostics as a SARIF log. */
export function formatSarif(diagnostics: readonly Diagnostic[], version: string): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules = codes.map((code) => {
    const info = RULES[code];
    return {
      id: code,
      name: code,
      shortDescription: { text: info?.description ?? code },
      helpUri: `https://github.com/contrail/contrail/blob/main/docs/lint-rules.md#${code}`,
      defaultConfiguration: { level: info?.severity ?? "warning" },
    };
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: d.severity === "info" ? "note" : d.severity,
    message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: d.file ?? "" },
          ...(d.line ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {}),
        },
        ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path }] } : {}),
      },
    ],
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "contrail", version, informationUri: "https://concourse-ci.org", rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
