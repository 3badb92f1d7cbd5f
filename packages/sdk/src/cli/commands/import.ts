/**
 * `sdk import`: pipeline YAML to a contrail pipeline.ts.
 */
import { dirname, relative, resolve, sep } from "node:path";
import { type Diagnostic, formatDiagnosticLine, hasErrors } from "../../diagnostics/diagnostic.ts";
import { importTaskFiles } from "../../import/emit-task-files.ts";
import { importPipeline } from "../../import/index.ts";
import { MissingTsMorphError } from "../../import/ts-morph.ts";
import type { Io } from "../../io/io.ts";
import { MAX_SIZE_OPTION, maxSizeBytes, readSource } from "../../io/read-source.ts";
import { ioTaskFileSource } from "../../io/task-file-source.ts";
import { parseCommandArgs } from "../args.ts";
import { ARTIFACT_FLAG, artifactUsage, parseArtifactFlags } from "../artifact-flags.ts";
import { CliError, type Command, ExitCode, UsageError } from "../command.ts";
import { refuseToReplaceInput } from "../output-guard.ts";
import { readStandardInput, STDIN, STDIN_NAME } from "../stdin.ts";
import { collectTaskFiles, isTaskFileArgument } from "../task-file-args.ts";

const USAGE = `Usage: sdk import FILE.yml [-o OUT.ts] [--force] [--artifact NAME=DIR]...
       sdk import TASK.yml|DIR... [--root DIR] [-o OUT.ts] [--force]

Turns an existing Concourse pipeline into idiomatic contrail TypeScript that renders back
to the same pipeline. Prints to stdout unless -o is given. FILE '-' reads standard input.

Given task config files (or folders of them), writes one module of typed declarations
instead (\`export const unit = defineTask({...})\`, one per file, named after it), for
\`new FileTask(...)\` steps: see docs/file-tasks.md.

Options:
  -o, --output OUT.ts  write to OUT.ts (refuses to overwrite it without --force)
      --force          import templated input (ytt #@, legacy {{x}}, spruce (( )),
                       several documents) keeping its text as it is, with warnings;
                       overwrite OUT.ts
      --root DIR       task files: the folder of the artifact that holds them (the
                       repository's checkout); their \`file:\` paths are relative to it.
                       Default: the current directory
${artifactUsage(6, 23)};
                       a pipeline's task steps whose file is read become typed
                       FileTask steps, with a defineTask declaration of each file

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
      root: { type: "string" },
      ...ARTIFACT_FLAG,
      ...MAX_SIZE_OPTION,
    });
    const file = positionals[0];
    if (file === undefined) throw new UsageError("sdk import: give one pipeline YAML file, or task files");
    const force = values.force === true;
    const out = values.output === undefined ? undefined : resolve(io.cwd, values.output);
    if (out !== undefined && io.exists(out) && !force) {
      throw new CliError(`error: ${values.output} exists; pass --force to overwrite it`, ExitCode.usage);
    }
    if (file !== STDIN && (positionals.length > 1 || values.root !== undefined || isTaskFileArgument(io, file))) {
      const files = collectTaskFiles(io, positionals, values.root ?? ".");
      const shownArgs = positionals.join(" ");
      const header = `Task file declarations imported from ${shownArgs} by \`sdk import\`; regenerate with \`sdk import ${shownArgs}${values.root !== undefined ? ` --root ${values.root}` : ""}${values.output !== undefined ? ` -o ${values.output}` : ""} --force\`.`;
      const result = await importTaskFiles(files, header).catch(tsMorphMissing);
      if (result.declarations.length === 0) {
        result.diagnostics.push({
          code: "import-no-task-files",
          severity: "error",
          message: `no task config among ${shownArgs}`,
          path: "",
        });
      }
      return finish(io, result, out);
    }
    const fromStdin = file === STDIN;
    const path = resolve(io.cwd, file);
    if (!fromStdin && !io.exists(path)) throw new CliError(`error: no such file: ${file}`, ExitCode.usage);
    if (out !== undefined && !fromStdin) refuseToReplaceInput("import", out, [path], values.output ?? out);
    const artifacts = parseArtifactFlags("import", values.artifact, io);
    const taskFiles = Object.keys(artifacts).length > 0 ? ioTaskFileSource(io, artifacts) : undefined;
    // Relative to the generated file's folder (the working directory when it is printed).
    const base = out === undefined ? io.cwd : dirname(out);
    const artifactFolders = Object.fromEntries(
      Object.entries(artifacts).map(([name, dir]) => [name, relative(base, dir).split(sep).join("/") || "."]),
    );
    const options = { file: fromStdin ? STDIN_NAME : file, force, ...(taskFiles ? { taskFiles, artifactFolders } : {}) };
    const source = fromStdin
      ? { text: readStandardInput(io, "import") }
      : readSource(io, "import", path, file, maxSizeBytes("import", values["max-size"]));
    if (source.invalid) {
      io.stderr(`${file}:${source.invalid.line}:${source.invalid.column}: error yaml-syntax: ${source.invalid.message}\n`);
      return ExitCode.problems;
    }
    return finish(io, await importPipeline(source.text, options).catch(tsMorphMissing), out);
  },
};

/** ts-morph is an optional peer dependency: without it, one line saying how to install it. */
function tsMorphMissing(error: unknown): never {
  if (error instanceof MissingTsMorphError) throw new CliError(`error: ${error.message}`, ExitCode.usage);
  throw error;
}

/** Reports the diagnostics, then prints or writes the source unless there is an error. */
function finish(io: Io, result: { source: string; diagnostics: readonly Diagnostic[] }, out: string | undefined): number {
  const report = result.diagnostics.map((d) => formatDiagnosticLine(d)).join("\n");
  if (report) io.stderr(`${report}\n`);
  if (hasErrors(result.diagnostics)) return ExitCode.problems;
  if (out === undefined) io.stdout(result.source);
  else io.writeFile(out, result.source);
  return ExitCode.ok;
}
