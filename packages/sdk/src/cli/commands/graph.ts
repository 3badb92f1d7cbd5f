/**
 * `sdk graph`: draws a pipeline the way Concourse's web UI does, before it is set.
 */
import { extname, resolve } from "node:path";
import { formatDiagnosticLine } from "../../diagnostics/diagnostic.ts";
import { LOAD_TIMEOUT_OPTION, LOAD_TIMEOUT_USAGE, loadTimeoutMs } from "../../load/load-guard.ts";
import type { TaskFileSource } from "../../task-file/source.ts";
import { parseCommandArgs } from "../args.ts";
import { ARTIFACT_FLAG, artifactUsage, parseArtifactFlags } from "../artifact-flags.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import { refuseToReplaceInput } from "../output-guard.ts";
import { TaskFileSession } from "../task-file-session.ts";
import { hasVarFlags, readVarFlags, VAR_FLAG_HELP, VAR_FLAG_OPTIONS } from "../var-flags.ts";

const USAGE = `Usage: sdk graph [FILE] [-o OUT] [--format svg|html|dot|mermaid] [--group NAME] [--pipeline NAME]
                 [-v NAME=STRING] [-y NAME=YAML] [-i NAME=YAML] [-l FILE] [--artifact NAME=DIR]...

Draws the pipeline in FILE (a pipeline.ts, or a pipeline YAML/JSON file; default:
pipeline.ts) as Concourse draws it: jobs in columns by their passed: chains, resources
as small boxes beside them, solid edges for triggering gets, dashed for the others.

Options:
  -o, --output OUT     write to OUT instead of stdout
  -f, --format FORMAT  svg (default), html (one self-contained page: pan, zoom,
                       a tab per group, click a job for its plan), dot (Graphviz)
                       or mermaid (flowchart); by default the format follows OUT's
                       extension (.svg, .html, .dot/.gv, .mmd)
  -g, --group NAME     only the jobs of this group and the resources they touch
                       (html: the tab shown first)
  -p, --pipeline NAME  the pipeline to draw when FILE exports several
${VAR_FLAG_HELP}
                              (the pipeline is drawn as fly would send it with these vars)
${artifactUsage(6, 23)}
${LOAD_TIMEOUT_USAGE}

Exit codes: 0 ok, 1 the pipeline cannot be drawn (or has no such group), 2 usage.
`;

const EXTENSIONS: Record<string, "svg" | "html" | "dot" | "mermaid"> = {
  ".svg": "svg",
  ".html": "html",
  ".htm": "html",
  ".dot": "dot",
  ".gv": "dot",
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
};

/** `sdk graph`. */
export const graphCommand: Command = {
  name: "graph",
  summary: "Draw a pipeline as Concourse shows it (SVG, HTML, DOT, Mermaid)",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("graph", args, {
      output: { type: "string", short: "o" },
      format: { type: "string", short: "f" },
      group: { type: "string", short: "g" },
      pipeline: { type: "string", short: "p" },
      ...VAR_FLAG_OPTIONS,
      ...ARTIFACT_FLAG,
      ...LOAD_TIMEOUT_OPTION,
    });
    if (positionals.length > 1) throw new UsageError(`sdk graph: one file at a time (got ${positionals.length})`);
    const { GRAPH_FORMATS, LayoutError, UnknownGroupError, drawGraph } = await import("../../graph/index.ts");
    const format = values.format ?? formatOf(values.output);
    if (!(GRAPH_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`sdk graph: --format must be one of ${GRAPH_FORMATS.join(", ")}, not '${format}'`);
    }
    const { loadGraphInput } = await import("../../graph/load.ts");
    const vars = hasVarFlags(values) ? readVarFlags("graph", values, io) : undefined;
    for (const d of vars?.diagnostics ?? []) io.stderr(`${formatDiagnosticLine(d)}\n`);
    const file = positionals[0] ?? "pipeline.ts";
    if (values.output !== undefined) refuseToReplaceInput("graph", resolve(io.cwd, values.output), [resolve(io.cwd, file)], values.output);
    const taskFiles = new TaskFileSession(io, parseArtifactFlags("graph", values.artifact, io));
    const input = await loadGraphInput(file, io, {
      pipeline: values.pipeline,
      vars: vars?.sources,
      taskFiles: taskFiles.forPipeline(file),
      loadTimeoutMs: loadTimeoutMs("graph", values["load-timeout"], io),
    });
    io.stderr(taskFiles.autoMappingLines("graph"));
    if (input.errors > 0) {
      io.stderr(`sdk graph: warning: the pipeline has ${input.errors} error(s); drawn all the same (see 'sdk lint')\n`);
    }
    let text: string;
    try {
      const source = input.taskFiles;
      text = await drawGraph(input.config, {
        format: format as (typeof GRAPH_FORMATS)[number],
        group: values.group,
        title: input.title,
        ...(source ? { taskFile: (file: string) => lookupConfig(source, file) } : {}),
      });
    } catch (error) {
      if (error instanceof UnknownGroupError) throw new CliError(`sdk graph: ${error.message}`, ExitCode.problems);
      if (error instanceof LayoutError) {
        throw new CliError(
          `sdk graph: ${positionals[0] ?? "pipeline.ts"}: cannot draw it as ${format}: ${error.message}. Draw one group with --group NAME, or give --format dot or mermaid, which need no layout.`,
          ExitCode.problems,
        );
      }
      throw error;
    }
    if (values.output === undefined) io.stdout(text);
    else io.writeFile(resolve(io.cwd, values.output), text);
    return ExitCode.ok;
  },
};

/** The decoded task file a step's `file:` names, when it was read. */
function lookupConfig(source: TaskFileSource, file: string) {
  const found = source.lookup(file);
  return found?.kind === "resolved" ? found.taskFile.config : undefined;
}

/** The format that OUT's extension names; svg without OUT. */
function formatOf(output: string | undefined): string {
  if (output === undefined) return "svg";
  const format = EXTENSIONS[extname(output).toLowerCase()];
  if (!format) throw new UsageError(`sdk graph: cannot tell the format from '${output}'; give --format svg|html|dot|mermaid`);
  return format;
}
