/**
 * `sdk lint`: checks pipeline files the way Concourse judges them (same stages, same
 * messages), plus contrail's own rules; text, JSON, GitHub Actions or SARIF output.
 */
import { relative, resolve } from "node:path";
import { type Diagnostic, hasErrors, sortDiagnostics } from "../../diagnostics/diagnostic.ts";
import type { Io } from "../../io/io.ts";
import { MAX_SIZE_OPTION, MAX_SIZE_USAGE, maxSizeBytes, readSource } from "../../io/read-source.ts";
import { RULES } from "../../lint/codes.ts";
import type { ConcourseVersion } from "../../lint/concourse-version.ts";
import { formatGithub } from "../../lint/format/github.ts";
import { formatJson } from "../../lint/format/json.ts";
import { formatSarif } from "../../lint/format/sarif.ts";
import { DEFAULT_MAX_FINDINGS, formatText } from "../../lint/format/text.ts";
import { lintYaml } from "../../lint/index.ts";
import { applyRuleSettings } from "../../lint/settings.ts";
import { LOAD_TIMEOUT_OPTION, LOAD_TIMEOUT_USAGE, loadTimeoutMs } from "../../load/load-guard.ts";
import { type LoadedPipeline, loadPipelines, PipelineLoadError } from "../../load/load-pipeline.ts";
import { pipelineArtifacts } from "../../load/pipeline-artifacts.ts";
import { renderPipeline } from "../../render/render.ts";
import { lintTaskFile, looksLikeTaskConfig } from "../../task-file/index.ts";
import { formatVarsReport } from "../../vars/report.ts";
import type { VarSources } from "../../vars/sources.ts";
import { parseCommandArgs } from "../args.ts";
import { ARTIFACT_FLAG, artifactUsage, parseArtifactFlags } from "../artifact-flags.ts";
import { paletteFor } from "../colour.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import { CONCOURSE_HELP, CONCOURSE_OPTION, concourseVersion } from "../concourse-setting.ts";
import { leanHeapFor } from "../lean-heap.ts";
import { renderWithVars } from "../render-vars.ts";
import { readSources, relativeFiles } from "../report.ts";
import { readStandardInput, STDIN, STDIN_NAME } from "../stdin.ts";
import { TaskFileSession } from "../task-file-session.ts";
import { hasVarFlags, readVarFlags, VAR_FLAG_HELP, VAR_FLAG_OPTIONS } from "../var-flags.ts";

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

/** What every file is linted with, besides its name. */
interface LintSettings {
  readonly rules: Record<string, "off" | "warning" | "error">;
  readonly concourse: ConcourseVersion | undefined;
  /** The given vars, when any var flag or --vars-report was given. */
  readonly vars: VarSources | undefined;
  /** Vars reports, one per YAML file. */
  readonly reports: string[];
  /** The task files of this run (`--artifact`, and the obvious mappings), each read once. */
  readonly taskFiles: TaskFileSession;
  /** How long a pipeline.ts may load; how large a file may be. */
  readonly limits: { readonly timeoutMs: number; readonly maxBytes: number };
}

async function lintFile(file: string, io: Io, settings: LintSettings, sources: Map<string, string>): Promise<Diagnostic[]> {
  const { rules, concourse } = settings;
  // `-` is standard input, shown as <stdin>; a file is read with the size limit and
  // refused, as go-yaml refuses it, when it is not UTF-8.
  const name = file === STDIN ? STDIN_NAME : file;
  const script = file !== STDIN && /\.[cm]?tsx?$/.test(file);
  // Io resolves a relative path against its cwd, as the pipeline.ts loader does: a YAML
  // file and a pipeline.ts are found in the same place.
  const read = file === STDIN ? { text: readStandardInput(io, "lint") } : readSource(io, "lint", file, file, settings.limits.maxBytes);
  if (read.invalid) {
    const { message, line, column } = read.invalid;
    return [{ code: "yaml-syntax", severity: "error", message, path: "", file, line, column }];
  }
  const text = read.text;
  leanHeapFor(text);
  if (script) {
    // A pipeline.ts: its type errors (which `sdk render` would not see, since it only strips
    // types), then what rendering it finds, type errors or not: the builders' checks, every
    // lint rule, or where the module threw.
    const { lintTypeScriptFile } = await import("../../lint/typescript.ts");
    sources.set(file, text);
    const typeErrors = await lintTypeScriptFile(file, io);
    const found = relativeFiles([...typeErrors, ...(await lintRendered(file, io, settings))], io, { file, path: resolve(io.cwd, file) });
    readSources(found, io, sources);
    return applyRuleSettings(found, rules);
  }
  sources.set(name, text);
  // A task config file (ci/tasks/*.yml) is judged as a build loading it would judge it.
  if (looksLikeTaskConfig(text)) return [...lintTaskFile(text, { file: name, rules }).diagnostics];
  const taskFiles = file === STDIN ? undefined : settings.taskFiles.forPipeline(file);
  const result = lintYaml(text, { file: name, rules, concourse, vars: settings.vars, ...(taskFiles ? { taskFiles } : {}) });
  settings.taskFiles.count(result.fileTasks);
  if (result.varsReport) settings.reports.push(formatVarsReport(name, result.varsReport));
  return result.diagnostics;
}

/**
 * Renders each pipeline a TypeScript file exports and returns what render and lint find:
 * at the user's line when about a builder object, else against the file. A file that
 * cannot be loaded is one diagnostic, where it threw.
 */
async function lintRendered(file: string, io: Io, settings: LintSettings): Promise<Diagnostic[]> {
  const { rules, concourse } = settings;
  let loaded: LoadedPipeline[];
  try {
    loaded = await loadPipelines(file, io, settings.limits.timeoutMs);
  } catch (error) {
    if (error instanceof PipelineLoadError) return [error.diagnostic];
    if (!(error instanceof CliError)) throw error;
    return [{ code: "load-error", severity: "error", message: error.message.split("\n")[0] ?? error.message, path: "", file }];
  }
  return loaded.flatMap(({ name, pipeline }) => {
    const rendered = renderPipeline(pipeline, {
      rules,
      concourse,
      taskFiles: settings.taskFiles.forPipeline(file, pipelineArtifacts(io, file, pipeline, {})),
      showDeclaredIn: (at: string) => relative(io.cwd, at) || at,
    });
    // With var flags, also what the pipeline becomes once fly fills them in.
    const withVars =
      settings.vars && !hasErrors(rendered.diagnostics)
        ? renderWithVars(rendered.config, settings.vars, { inline: false, format: "yaml", sourceFile: file, concourse }).diagnostics
        : [];
    return [...rendered.diagnostics, ...withVars].map((d) => ({
      ...d,
      file: d.file ?? file,
      message: loaded.length > 1 ? `(${name}) ${d.message}` : d.message,
    }));
  });
}

/** `sdk lint FILE... [--format F] [--strict] [--rule CODE=LEVEL]...`. */
export const lintCommand: Command = {
  name: "lint",
  summary: "Check pipelines the way Concourse does, and more",
  usage: `Usage: sdk lint FILE... [--format text|json|github|sarif] [--strict] [--rule CODE=off|warning|error]...
                [--artifact NAME=DIR]... [-v NAME=STRING] [-y NAME=YAML] [-i NAME=YAML] [-l FILE] [--vars-report] [--concourse VERSION]

Checks pipeline YAML (or JSON) files in the three stages Concourse runs: YAML (YAML 1.1,
duplicate keys), decoding into its config structs, and validation, with Concourse's own
messages; then contrail's own checks (artifacts, local vars, credentials...). A pipeline.ts
is type-checked, then rendered, and the rendered pipelines are checked the same way.
A task config file (a top-level platform or run, no jobs) is checked as a build loading
it would check it.
FILE '-' reads pipeline YAML from standard input (shown as <stdin>). Text output is
coloured on a terminal; NO_COLOR turns colour off, FORCE_COLOR forces it.

Options:
  --format F          text (default), json, github (workflow commands) or sarif
  --strict            exit 1 on warnings too, as fly validate-pipeline --strict
  --rule CODE=LEVEL   set a rule to off, warning or error (repeatable)
${artifactUsage(2, 22)}
${VAR_FLAG_HELP}
      --vars-report           list the vars each file needs, who supplies them (the
                              given vars, var_sources, the credential manager) and the
                              given vars it never uses
${CONCOURSE_HELP}

With var flags, the file is judged as fly set-pipeline with the same flags would send
it: the vars are filled in first (whole values typed, keys too; the others are left for
the credential manager), and problems still point at the file's own lines. See docs/vars.md.

File tasks (file: NAME/path.yml) are followed into their task files when the artifact NAME
is mapped to a folder: with --artifact, or without one when the pipeline sits in a git
checkout whose remote is the uri of the git resource NAME gets (printed on stderr). Their
inputs, outputs, params and vars are then checked like an inline task's.
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
      ...ARTIFACT_FLAG,
      ...VAR_FLAG_OPTIONS,
      ...CONCOURSE_OPTION,
      "vars-report": { type: "boolean", default: false },
      "max-findings": { type: "string" },
      ...MAX_SIZE_OPTION,
      ...LOAD_TIMEOUT_OPTION,
    });
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`sdk lint: unknown format '${values.format}' (text, json, github, sarif)`);
    if (positionals.length === 0) throw new UsageError("sdk lint: no files given");
    if (positionals.filter((f) => f === STDIN).length > 1) throw new UsageError("sdk lint: '-' (standard input) can be given once");
    const rules = parseRules(values.rule ?? []);
    const concourse = concourseVersion("lint", values.concourse, io);
    const cliVars = values["vars-report"] || hasVarFlags(values) ? readVarFlags("lint", values, io) : undefined;
    const taskFiles = new TaskFileSession(io, parseArtifactFlags("lint", values.artifact, io), rules);
    const limits = { timeoutMs: loadTimeoutMs("lint", values["load-timeout"], io), maxBytes: maxSizeBytes("lint", values["max-size"]) };
    const settings: LintSettings = { rules, concourse, vars: cliVars?.sources, reports: [], taskFiles, limits };
    const maxFindings = values["max-findings"] === undefined ? DEFAULT_MAX_FINDINGS : Number(values["max-findings"]);
    if (!Number.isInteger(maxFindings) || maxFindings < 0) {
      throw new UsageError(`sdk lint: --max-findings takes a whole number (got '${values["max-findings"]}')`);
    }
    const sources = new Map<string, string>();
    for (const f of cliVars?.sources.files ?? []) sources.set(f.path, f.text);
    const diagnostics: Diagnostic[] = [...(cliVars?.diagnostics ?? [])];
    for (const file of positionals) {
      try {
        diagnostics.push(...(await lintFile(file, io, settings, sources)));
      } catch (error) {
        if (error instanceof CliError || sources.has(file) || !(error instanceof Error && "code" in error)) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, give pipeline files" : (code ?? error.message);
        throw new CliError(`sdk lint: ${reason}: ${file}`, ExitCode.usage);
      }
    }
    for (const [path, text] of taskFiles.texts()) if (!sources.has(path)) sources.set(path, text);
    io.stderr(taskFiles.autoMappingLines("lint"));
    // Machine-readable output keeps one shape; what the summary line says goes to stderr.
    const unchecked = format === "text" ? undefined : taskFiles.uncheckedNote();
    if (unchecked) io.stderr(`sdk lint: ${unchecked}\n`);
    // Errors before warnings, each in file and line order, in every format.
    diagnostics.splice(0, diagnostics.length, ...sortDiagnostics(diagnostics));
    if (format === "json") io.stdout(formatJson(diagnostics));
    else if (format === "github") io.stdout(formatGithub(diagnostics));
    else if (format === "sarif") io.stdout(formatSarif(diagnostics, { version: "0.1.0", cwd: io.cwd }));
    else
      io.stdout(
        formatText(diagnostics, sources, positionals.length, {
          note: taskFiles.uncheckedNote(),
          paint: paletteFor(io, "stdout"),
          maxPerFile: maxFindings,
        }),
      );
    if (values["vars-report"]) {
      // With a machine-readable format on stdout, the report goes to stderr.
      const print = format === "text" ? io.stdout : io.stderr;
      for (const report of settings.reports) print(`\n${report}`);
    }
    const failing = diagnostics.some((d) => d.severity === "error" || (values.strict && d.severity === "warning"));
    return failing ? ExitCode.problems : ExitCode.ok;
  },
};
