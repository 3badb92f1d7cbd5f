/**
 * `sdk import`: pipeline YAML to a contrail pipeline.ts.
 */
import { resolve } from "node:path";
import { formatDiagnosticLine, hasErrors } from "../../diagnostics/diagnostic.ts";
import { importPipeline } from "../../import/index.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import { MAX_SIZE_OPTION, maxSizeBytes, readSource } from "../read-source.ts";

const USAGE = `Usage: sdk import FILE.yml [-o OUT.ts] [--force]

Turns an existing Concourse pipeline into idiomatic contrail TypeScript that renders back
to the same pipeline. Prints to stdout unless -o is given.

Options:
  -o, --output OUT.ts  write to OUT.ts (refuses to overwrite it without --force)
      --force          import templated input (ytt #@, legacy {{x}}, spruce (( )),
                       several documents) keeping its text as it is, with warnings;
                       overwrite OUT.ts

Exit codes: 0 ok, 1 the input cannot be imported, 2 usage.
`;

/** `sdk import`. */
export const importCommand: Command = {
  name: "import",
  summary: "Turn pipeline YAML into a contrail pipeline.ts",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("import", args, {
      output: { type: "string", short: "o" },
      force: { type: "boolean" },
      ...MAX_SIZE_OPTION,
    });
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) throw new UsageError("sdk import: give one pipeline YAML file");
    const path = resolve(io.cwd, file);
    if (!io.exists(path)) throw new CliError(`error: no such file: ${file}`, ExitCode.usage);
    const force = values.force === true;
    const out = values.output === undefined ? undefined : resolve(io.cwd, values.output);
    if (out !== undefined && io.exists(out) && !force) {
      throw new CliError(`error: ${values.output} exists; pass --force to overwrite it`, ExitCode.usage);
    }
    const source = readSource(io, "import", path, file, maxSizeBytes("import", values["max-size"]));
    if (source.invalid) {
      io.stderr(`${file}:${source.invalid.line}:${source.invalid.column}: error yaml-syntax: ${source.invalid.message}\n`);
      return ExitCode.problems;
    }
    const result = await importPipeline(source.text, { file, force });
    const report = result.diagnostics.map((d) => formatDiagnosticLine(d)).join("\n");
    if (report) io.stderr(`${report}\n`);
    if (hasErrors(result.diagnostics)) return ExitCode.problems;
    if (out === undefined) io.stdout(result.source);
    else io.writeFile(out, result.source);
    return ExitCode.ok;
  },
};
