/**
 * `sdk lint`: checks pipeline files the way Concourse judges them (same stages, same
 * messages), plus contrail's own rules; text, JSON, GitHub Actions or SARIF output.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { RuleSettings } from "../../lint/codes.ts";
import { RULES } from "../../lint/codes.ts";
import { formatGithub } from "../../lint/format/github.ts";
import { formatJson } from "../../lint/format/json.ts";
import { formatSarif } from "../../lint/format/sarif.ts";
import { DEFAULT_MAX_FINDINGS, formatText } from "../../lint/format/text.ts";
import { lintYaml } from "../../lint/index.ts";
import { applyRuleSettings } from "../../lint/settings.ts";
import { renderPipeline } from "../../render/render.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import type { Io } from "../io.ts";
import { type IsolatedPipeline, LOAD_TIMEOUT_OPTION, LOAD_TIMEOUT_USAGE, loadIsolated, loadTimeoutMs } from "../load-isolated.ts";
import { MAX_SIZE_OPTION, MAX_SIZE_USAGE, maxSizeBytes, readSource } from "../read-source.ts";

const FORMATS = ["text", "json", "github", "sarif"] as const;
type Format = (typeof FORMATS)[number];
const LEVELS = new Set(["off", "warning", "error"]);

/** Parses `--rule CODE=LEVEL` flags. */
function parseRules(values: readonly string[]): Record<string, "off" | "warning" | "error"> {
  const rules: Record<string, "off" | "warning" | "error"> = {};
  for (const value of values) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(value);
    if (!m?.[1] || !m[2] || !LEVELS.has(m[2])) throw new UsageError(`sdk lint: --rule expects CODE=off|warning|error, got '${value}'`);
    if (!RULES[m[1]]) throw new UsageError(`sdk lint: unknown rule '${m[1]}' (see docs/lint-rules.md)`);
    rules[m[1]] = m[2] as "off" | "warning" | "error";
  }
  return rules;
}

async function lintFile(
  file: string,
  io: Io,
  rules: Record<string, "off" | "warning" | "error">,
  sources: Map<string, string>,
  limits: { readonly timeoutMs: number; readonly maxBytes: number },
): Promise<Diagnostic[]> {
  const { text, invalid } = readSource(io, "lint", file, file, limits.maxBytes);
  if (invalid) {
    return [
      { code: "yaml-syntax", severity: "error", message: invalid.message, path: "", file, line: invalid.line, column: invalid.column },
    ];
  }
  if (/\.[cm]?tsx?$/.test(file)) {
    // A pipeline.ts: its type errors (which `sdk render` would not see, since it only strips
    // types), then what rendering it finds: the builders' checks and every lint rule.
    const { lintTypeScriptFile } = await import("../../lint/typescript.ts");
    sources.set(file, text);
    const typeErrors = await lintTypeScriptFile(file, io);
    return applyRuleSettings([...typeErrors, ...(await lintRendered(file, io, rules, typeErrors.length > 0, limits.timeoutMs))], rules);
  }
  sources.set(file, text);
  return lintYaml(text, { file, rules }).diagnostics;
}

/**
 * Renders each pipeline a TypeScript file exports and returns what render and lint find,
 * against the file. A file that cannot be loaded is one diagnostic (unless type errors
 * already explain it).
 */
async function lintRendered(file: string, io: Io, rules: RuleSettings, hasTypeErrors: boolean, timeoutMs: number): Promise<Diagnostic[]> {
  let loaded: IsolatedPipeline[];
  try {
    loaded = await loadIsolated(file, io, timeoutMs);
  } catch (error) {
    if (!(error instanceof CliError) || hasTypeErrors) return [];
    return [{ code: "load-error", severity: "error", message: error.message.split("\n")[0] ?? error.message, path: "", file }];
  }
  return loaded.flatMap(({ name, pipeline }) =>
    renderPipeline(pipeline, { rules }).diagnostics.map((d) => ({
      ...d,
      file,
      message: loaded.length > 1 ? `(${name}) ${d.message}` : d.message,
    })),
  );
}

/** `sdk lint FILE... [--format F] [--strict] [--rule CODE=LEVEL]...`. */
export const lintCommand: Command = {
  name: "lint",
  summary: "Check pipelines the way Concourse does, and more",
  usage: `Usage: sdk lint FILE... [--format text|json|github|sarif] [--strict] [--rule CODE=off|warning|error]...

Checks pipeline YAML (or JSON) files in the three stages Concourse runs: YAML (YAML 1.1,
duplicate keys), decoding into its config structs, and validation, with Concourse's own
messages; then contrail's own checks (artifacts, local vars, credentials...). A pipeline.ts
is type-checked, then rendered, and the rendered pipelines are checked the same way.

Options:
  --format F          text (default), json, github (workflow commands) or sarif
  --strict            exit 1 on warnings too, as fly validate-pipeline --strict
  --rule CODE=LEVEL   set a rule to off, warning or error (repeatable)
  --max-findings N    print at most N findings per file in text output (default ${DEFAULT_MAX_FINDINGS})
${MAX_SIZE_USAGE}
${LOAD_TIMEOUT_USAGE}

Silence one line with a comment on the line before it:
  # contrail-disable-next-line unknown-artifact, plaintext-credential

Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage error.
Rules: docs/lint-rules.md
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("lint", args, {
      format: { type: "string", short: "f", default: "text" },
      strict: { type: "boolean", default: false },
      rule: { type: "string", multiple: true, default: [] },
      "max-findings": { type: "string" },
      ...MAX_SIZE_OPTION,
      ...LOAD_TIMEOUT_OPTION,
    });
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`sdk lint: unknown format '${values.format}' (text, json, github, sarif)`);
    if (positionals.length === 0) throw new UsageError("sdk lint: no files given");
    const rules = parseRules(values.rule ?? []);
    const limits = { timeoutMs: loadTimeoutMs("lint", values["load-timeout"], io), maxBytes: maxSizeBytes("lint", values["max-size"]) };
    const maxFindings = values["max-findings"] === undefined ? DEFAULT_MAX_FINDINGS : Number(values["max-findings"]);
    if (!Number.isInteger(maxFindings) || maxFindings < 0) {
      throw new UsageError(`sdk lint: --max-findings takes a whole number (got '${values["max-findings"]}')`);
    }
    const sources = new Map<string, string>();
    const diagnostics: Diagnostic[] = [];
    for (const file of positionals) {
      diagnostics.push(...(await lintFile(file, io, rules, sources, limits)));
    }
    if (format === "json") io.stdout(formatJson(diagnostics));
    else if (format === "github") io.stdout(formatGithub(diagnostics));
    else if (format === "sarif") io.stdout(formatSarif(diagnostics, "0.1.0"));
    else io.stdout(formatText(diagnostics, sources, positionals.length, { maxPerFile: maxFindings }));
    const failing = diagnostics.some((d) => d.severity === "error" || (values.strict && d.severity === "warning"));
    return failing ? ExitCode.problems : ExitCode.ok;
  },
};
