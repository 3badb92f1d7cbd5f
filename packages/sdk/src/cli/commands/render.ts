/**
 * `sdk render`: a pipeline.ts to Concourse YAML (or JSON), with `--check` for CI.
 */

import { join, relative, resolve } from "node:path";
import { formatDiagnosticLine, hasErrors } from "../../diagnostics/diagnostic.ts";
import { maskedPatch } from "../../diagnostics/masked-patch.ts";
import type { Io } from "../../io/io.ts";
import { LOAD_TIMEOUT_OPTION, LOAD_TIMEOUT_USAGE, loadTimeoutMs } from "../../load/load-guard.ts";
import { type LoadedPipeline, loadPipelines } from "../../load/load-pipeline.ts";
import { pipelineArtifacts } from "../../load/pipeline-artifacts.ts";
import { type RenderFormat, renderPipeline } from "../../render/render.ts";
import { parseCommandArgs } from "../args.ts";
import { ARTIFACT_FLAG, artifactUsage, parseArtifactFlags } from "../artifact-flags.ts";
import { paletteFor } from "../colour.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import { CONCOURSE_HELP, CONCOURSE_OPTION, concourseVersion } from "../concourse-setting.ts";
import { insideOutputDir, refuseToReplaceInput } from "../output-guard.ts";
import { checkPipelineNames } from "../pipeline-names.ts";
import { renderWithVars } from "../render-vars.ts";
import { formatRenderDiagnostics } from "../report.ts";
import { sourceName } from "../source-name.ts";
import { TaskFileSession } from "../task-file-session.ts";
import { hasVarFlags, readVarFlags, VAR_FLAG_HELP, VAR_FLAG_OPTIONS } from "../var-flags.ts";

const USAGE = `Usage: sdk render [FILE] [-o OUT] [--check] [--format yaml|json] [--pipeline NAME] [--artifact NAME=DIR]...
                  [-v NAME=STRING] [-y NAME=YAML] [-i NAME=YAML] [-l FILE] [--vars-inline] [--concourse VERSION]

Renders the pipeline exported by FILE (default: pipeline.ts) to Concourse YAML.
Problems are checked first: errors stop the render, warnings are printed to stderr.

Options:
  -o, --output OUT     write to OUT instead of stdout; with several pipelines
                       exported and no --pipeline, OUT is a directory and each
                       pipeline goes to OUT/NAME.yml
      --check          do not write: compare with the existing OUT and exit 1 with
                       a diff when they differ (the drift check for CI)
      --format FORMAT  yaml (default) or json
  -p, --pipeline NAME  the pipeline to render when FILE exports several
${artifactUsage(6, 23)};
                       adds to the Pipeline's \`artifacts\` and wins
${VAR_FLAG_HELP}
      --vars-inline           put the vars' values into the output (defineVars and
                              pipelineVar references); without it the output keeps its
                              ((vars)) and the vars are only checked, as fly would fill them
${CONCOURSE_HELP}
${LOAD_TIMEOUT_USAGE}

Exit codes: 0 ok, 1 problems in the pipeline (or --check found a difference), 2 usage.
`;

/** `sdk render`. */
export const renderCommand: Command = {
  name: "render",
  summary: "Render a pipeline.ts to Concourse YAML",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("render", args, {
      output: { type: "string", short: "o" },
      check: { type: "boolean" },
      format: { type: "string" },
      pipeline: { type: "string", short: "p" },
      ...ARTIFACT_FLAG,
      ...VAR_FLAG_OPTIONS,
      "vars-inline": { type: "boolean" },
      ...CONCOURSE_OPTION,
      ...LOAD_TIMEOUT_OPTION,
    });
    if (positionals.length > 1) throw new UsageError(`sdk render: one file at a time (got ${positionals.length})`);
    const format = (values.format ?? "yaml") as RenderFormat;
    if (format !== "yaml" && format !== "json") throw new UsageError(`sdk render: --format must be yaml or json, not '${values.format}'`);
    if (values.check && !values.output) throw new UsageError("sdk render: --check needs -o OUT, the committed file to compare with");
    const file = positionals[0] ?? "pipeline.ts";
    const taskFiles = new TaskFileSession(io, parseArtifactFlags("render", values.artifact, io));
    const concourse = concourseVersion("render", values.concourse, io);
    if (values["vars-inline"] && !hasVarFlags(values)) throw new UsageError("sdk render: --vars-inline needs vars: give -v, -y, -i or -l");
    const vars = hasVarFlags(values) ? readVarFlags("render", values, io) : undefined;
    for (const d of vars?.diagnostics ?? []) io.stderr(`${formatDiagnosticLine(d)}\n`);
    if (vars?.diagnostics.some((d) => d.severity === "error")) return ExitCode.problems;

    const loaded = await loadPipelines(file, io, loadTimeoutMs("render", values["load-timeout"], io));
    const selected = select(loaded, values.pipeline, values.output !== undefined, file);
    const many = selected.length > 1;
    // Each pipeline becomes DIR/NAME.yml: the names must be file names, and all different.
    if (many) checkPipelineNames("render", file, selected);
    const input = resolve(io.cwd, file);
    let status: number = ExitCode.ok;
    for (const { name, pipeline } of selected) {
      const sourceFile = sourceName(io, file);
      const result = renderPipeline(pipeline, {
        format,
        sourceFile,
        concourse,
        taskFiles: taskFiles.forPipeline(file, pipelineArtifacts(io, file, pipeline, {})),
        showDeclaredIn: (at: string) => relative(io.cwd, at) || at,
      });
      io.stderr(taskFiles.autoMappingLines("render"));
      const label = many ? `${file} (${name})` : file;
      io.stderr(formatRenderDiagnostics(label, result.diagnostics, io, paletteFor(io, "stderr")));
      if (hasErrors(result.diagnostics)) {
        status = ExitCode.problems;
        continue;
      }
      let text = result.text;
      if (vars) {
        const withVars = renderWithVars(result.config, vars.sources, {
          inline: values["vars-inline"] ?? false,
          format,
          sourceFile,
          concourse,
        });
        io.stderr(formatRenderDiagnostics(label, withVars.diagnostics, io, paletteFor(io, "stderr")));
        if (hasErrors(withVars.diagnostics)) {
          status = ExitCode.problems;
          continue;
        }
        text = withVars.inlined ?? text;
      }
      const out =
        values.output === undefined
          ? undefined
          : many
            ? insideOutputDir("render", resolve(io.cwd, values.output), `${name}.${format === "json" ? "json" : "yml"}`)
            : values.output;
      if (out === undefined) io.stdout(text);
      else if (values.check) status = Math.max(status, await check(io, out, text));
      else {
        refuseToReplaceInput("render", resolve(io.cwd, out), [input], many ? join(values.output ?? "", `${name}.yml`) : out);
        io.writeFile(resolve(io.cwd, out), text);
      }
    }
    return status;
  },
};

function select(loaded: readonly LoadedPipeline[], wanted: string | undefined, hasOutput: boolean, file: string): LoadedPipeline[] {
  const names = loaded.map((p) => p.name);
  if (wanted !== undefined) {
    const match = loaded.find((p) => p.name === wanted || p.exportName === wanted);
    if (!match) throw new CliError(`error: ${file} exports no pipeline named '${wanted}'. It exports: ${names.join(", ")}`, ExitCode.usage);
    return [match];
  }
  if (loaded.length > 1 && !hasOutput) {
    throw new UsageError(
      `sdk render: ${file} exports ${loaded.length} pipelines (${names.join(", ")}); pick one with --pipeline NAME, or give -o DIR to write each as DIR/NAME.yml`,
    );
  }
  return [...loaded];
}

/** Compares the rendered text with the committed file; prints a diff when they differ. */
async function check(io: Io, out: string, text: string): Promise<number> {
  const path = resolve(io.cwd, out);
  if (!io.exists(path)) {
    io.stderr(`${out}: does not exist; run 'sdk render' without --check to create it.\n`);
    return ExitCode.problems;
  }
  const current = io.readFile(path);
  if (current === text) return ExitCode.ok;
  // Loaded only for a drift: a plain render never pays for the diff library.
  const { createTwoFilesPatch } = await import("diff");
  const patch = createTwoFilesPatch(out, `${out} (rendered)`, current, text, undefined, undefined, { context: 3 });
  // A drift check runs in CI logs: it shows that a credential changed, never its value.
  io.stdout(maskedPatch(patch, current, text));
  io.stderr(`${out}: differs from the rendered pipeline; run 'sdk render -o ${out}' and commit the result.\n`);
  return ExitCode.problems;
}
