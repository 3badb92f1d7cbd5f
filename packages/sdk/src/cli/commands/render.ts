/**
 * `sdk render`: a pipeline.ts to Concourse YAML (or JSON), with `--check` for CI.
 */

import { join, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { hasErrors } from "../../diagnostics/diagnostic.ts";
import type { RenderFormat } from "../../render/render.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import type { Io } from "../io.ts";
import { type IsolatedPipeline, LOAD_TIMEOUT_OPTION, LOAD_TIMEOUT_USAGE, loadIsolated, loadTimeoutMs } from "../load-isolated.ts";
import { formatRenderDiagnostics } from "../report.ts";
import { sourceName } from "../source-name.ts";

const USAGE = `Usage: sdk render [FILE] [-o OUT] [--check] [--format yaml|json] [--pipeline NAME]

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
      ...LOAD_TIMEOUT_OPTION,
    });
    if (positionals.length > 1) throw new UsageError(`sdk render: one file at a time (got ${positionals.length})`);
    const format = (values.format ?? "yaml") as RenderFormat;
    if (format !== "yaml" && format !== "json") throw new UsageError(`sdk render: --format must be yaml or json, not '${values.format}'`);
    if (values.check && !values.output) throw new UsageError("sdk render: --check needs -o OUT, the committed file to compare with");
    const file = positionals[0] ?? "pipeline.ts";

    // The worker renders too: `sdk render` then never loads the renderer in this thread.
    const options = { format, sourceFile: sourceName(io, file) };
    const loaded = await loadIsolated(file, io, loadTimeoutMs("render", values["load-timeout"], io), options);
    const selected = select(loaded, values.pipeline, values.output !== undefined, file);
    const many = selected.length > 1;
    let status: number = ExitCode.ok;
    for (const { name, pipeline, rendered } of selected) {
      const result = rendered ?? (await import("../../render/render.ts")).renderPipeline(pipeline, options);
      const label = many ? `${file} (${name})` : file;
      io.stderr(formatRenderDiagnostics(label, result.diagnostics));
      if (hasErrors(result.diagnostics)) {
        status = ExitCode.problems;
        continue;
      }
      const out =
        values.output === undefined
          ? undefined
          : many
            ? join(values.output, `${name}.${format === "json" ? "json" : "yml"}`)
            : values.output;
      if (out === undefined) io.stdout(result.text);
      else if (values.check) status = Math.max(status, check(io, out, result.text));
      else io.writeFile(resolve(io.cwd, out), result.text);
    }
    return status;
  },
};

function select(loaded: readonly IsolatedPipeline[], wanted: string | undefined, hasOutput: boolean, file: string): IsolatedPipeline[] {
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
function check(io: Io, out: string, text: string): number {
  const path = resolve(io.cwd, out);
  if (!io.exists(path)) {
    io.stderr(`${out}: does not exist; run 'sdk render' without --check to create it.\n`);
    return ExitCode.problems;
  }
  const current = io.readFile(path);
  if (current === text) return ExitCode.ok;
  io.stdout(createTwoFilesPatch(out, `${out} (rendered)`, current, text, undefined, undefined, { context: 3 }));
  io.stderr(`${out}: differs from the rendered pipeline; run 'sdk render -o ${out}' and commit the result.\n`);
  return ExitCode.problems;
}
