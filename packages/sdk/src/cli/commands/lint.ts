/**
 * `sdk lint`: checks pipeline files the way Concourse judges them (same stages, same
 * messages), plus contrail's own rules; text, JSON, GitHub Actions or SARIF output.
 */
import { relative } from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { RuleSettings } from "../../lint/codes.ts";
import { RULES } from "../../lint/codes.ts";
import { formatGithub } from "../../lint/format/github.ts";
import { formatJson } from "../../lint/format/json.ts";
import { formatSarif } from "../../lint/format/sarif.ts";
import { formatText } from "../../lint/format/text.ts";
import { lintYaml } from "../../lint/index.ts";
import { applyRuleSettings } from "../../lint/settings.ts";
import { renderPipeline } from "../../render/render.ts";
import { lintTaskFile, looksLikeTaskConfig } from "../../task-file/index.ts";
import { parseCommandArgs } from "../args.ts";
import { ARTIFACT_FLAG, artifactUsage, parseArtifactFlags } from "../artifact-flags.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import type { Io } from "../io.ts";
import { type LoadedPipeline, loadPipelines } from "../load-pipeline.ts";
import { pipelineArtifacts } from "../pipeline-artifacts.ts";
import { TaskFileSession } from "../task-file-session.ts";

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
  taskFiles: TaskFileSession,
): Promise<Diagnostic[]> {
  if (/\.[cm]?tsx?$/.test(file)) {
    // A pipeline.ts: its type errors (which `sdk render` would not see, since it only strips
    // types), then what rendering it finds: the builders' checks and every lint rule.
    const { lintTypeScriptFile } = await import("../../lint/typescript.ts");
    sources.set(file, io.readFile(file));
    const typeErrors = await lintTypeScriptFile(file, io);
    return applyRuleSettings([...typeErrors, ...(await lintRendered(file, io, rules, typeErrors.length > 0, taskFiles))], rules);
  }
  const text = io.readFile(file);
  sources.set(file, text);
  // A task config file (ci/tasks/*.yml) is judged as a build loading it would judge it.
  if (looksLikeTaskConfig(text)) return [...lintTaskFile(text, { file, rules }).diagnostics];
  const result = lintYaml(text, { file, rules, taskFiles: taskFiles.forPipeline(file) });
  taskFiles.count(result.fileTasks);
  return result.diagnostics;
}

/**
 * Renders each pipeline a TypeScript file exports and returns what render and lint find,
 * against the file. A file that cannot be loaded is one diagnostic (unless type errors
 * already explain it).
 */
async function lintRendered(
  file: string,
  io: Io,
  rules: RuleSettings,
  hasTypeErrors: boolean,
  taskFiles: TaskFileSession,
): Promise<Diagnostic[]> {
  let loaded: LoadedPipeline[];
  try {
    loaded = await loadPipelines(file, io);
  } catch (error) {
    if (!(error instanceof CliError) || hasTypeErrors) return [];
    return [{ code: "load-error", severity: "error", message: error.message.split("\n")[0] ?? error.message, path: "", file }];
  }
  return loaded.flatMap(({ name, pipeline }) =>
    renderPipeline(pipeline, {
      rules,
      taskFiles: taskFiles.forPipeline(file, pipelineArtifacts(io, file, pipeline, {})),
      showDeclaredIn: (at: string) => relative(io.cwd, at) || at,
    }).diagnostics.map((d) => ({
      ...d,
      file: d.file ?? file,
      message: loaded.length > 1 ? `(${name}) ${d.message}` : d.message,
    })),
  );
}

/**
 * `--format json` when file tasks are involved: the diagnostics, the artifact mappings in
 * effect and the file-task counts. Without file tasks, the plain array of before.
 */
function formatJsonWithFileTasks(diagnostics: readonly Diagnostic[], taskFiles: TaskFileSession): string {
  const rows = JSON.parse(formatJson(diagnostics)) as unknown[];
  const artifacts = taskFiles.mappings.map((m) => ({ file: m.file, artifact: m.artifact, folder: m.folder, auto: m.auto ?? null }));
  return `${JSON.stringify({ diagnostics: rows, artifacts, fileTasks: { ...taskFiles.stats } }, null, 2)}\n`;
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
A task config file (a top-level platform or run, no jobs) is checked as a build loading
it would check it.

Options:
  --format F          text (default), json, github (workflow commands) or sarif
  --strict            exit 1 on warnings too, as fly validate-pipeline --strict
  --rule CODE=LEVEL   set a rule to off, warning or error (repeatable)
${artifactUsage(2, 22)}

File tasks (file: NAME/path.yml) are followed into their task files when the artifact NAME
is mapped to a folder: with --artifact, or without one when the pipeline sits in a git
checkout whose remote is the uri of the git resource NAME gets (printed on stderr). Their
inputs, outputs, params and vars are then checked like an inline task's.

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
      ...ARTIFACT_FLAG,
    });
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`sdk lint: unknown format '${values.format}' (text, json, github, sarif)`);
    if (positionals.length === 0) throw new UsageError("sdk lint: no files given");
    const rules = parseRules(values.rule ?? []);
    const taskFiles = new TaskFileSession(io, parseArtifactFlags("lint", values.artifact, io), rules);
    const sources = new Map<string, string>();
    const diagnostics: Diagnostic[] = [];
    for (const file of positionals) {
      try {
        diagnostics.push(...(await lintFile(file, io, rules, sources, taskFiles)));
      } catch (error) {
        if (sources.has(file) || !(error instanceof Error && "code" in error)) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, give pipeline files" : (code ?? error.message);
        throw new CliError(`sdk lint: ${reason}: ${file}`, ExitCode.usage);
      }
    }
    for (const [path, text] of taskFiles.texts()) if (!sources.has(path)) sources.set(path, text);
    const fileTasks = taskFiles.stats.resolved + taskFiles.stats.unchecked > 0 || taskFiles.mappings.length > 0;
    if (format !== "json") io.stderr(taskFiles.autoMappingLines("lint"));
    if (format === "json") io.stdout(fileTasks ? formatJsonWithFileTasks(diagnostics, taskFiles) : formatJson(diagnostics));
    else if (format === "github") io.stdout(formatGithub(diagnostics));
    else if (format === "sarif") io.stdout(formatSarif(diagnostics, "0.1.0"));
    else io.stdout(formatText(diagnostics, sources, positionals.length, taskFiles.uncheckedNote()));
    const failing = diagnostics.some((d) => d.severity === "error" || (values.strict && d.severity === "warning"));
    return failing ? ExitCode.problems : ExitCode.ok;
  },
};
