/**
 * Applies `--rule CODE=off|warning|error` settings and `# contrail-disable-next-line CODE`
 * comments to a list of diagnostics.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RuleSettings } from "./codes.ts";

/** Drops rules set to `off` and changes the severity of the others. */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], rules: RuleSettings | undefined): Diagnostic[] {
  if (!rules) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = rules[d.code];
    if (setting === "off") continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}

const DISABLE = /#\s*contrail-disable-next-line\b([^\n]*)/;

/**
 * Reads `# contrail-disable-next-line [CODE[, CODE...]]` comments: the codes to drop on the
 * line after each comment (`*` when no code is given).
 */
export function disabledLines(text: string): Map<number, ReadonlySet<string>> {
  const out = new Map<number, ReadonlySet<string>>();
  if (!text.includes("contrail-disable-next-line")) return out;
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const m = DISABLE.exec(line);
    if (!m) return;
    const codes = (m[1] ?? "")
      .split(/[,\s]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    out.set(i + 2, new Set(codes.length > 0 ? codes : ["*"]));
  });
  return out;
}

/** Drops diagnostics on lines disabled by a comment. */
export function applySuppressions(diagnostics: readonly Diagnostic[], disabled: ReadonlyMap<number, ReadonlySet<string>>): Diagnostic[] {
  if (disabled.size === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    const codes = d.line === undefined ? undefined : disabled.get(d.line);
    return !codes || !(codes.has("*") || codes.has(d.code));
  });
}
