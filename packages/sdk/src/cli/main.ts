/**
 * The `sdk` / `contrail` command line: dispatches to one command per file, loaded lazily so
 * that `sdk render` never pays for ts-morph.
 */

import { terminalSafe } from "../diagnostics/terminal-safe.ts";
import { isInstance, readThrown } from "../diagnostics/thrown.ts";
import { type Io, nodeIo } from "../io/io.ts";
import { describeIoError } from "../io/io-error.ts";
import { CliError, type Command, ExitCode, UsageError } from "./command.ts";

type CommandLoader = () => Promise<Command>;

/** Every command, loaded on first use. */
const COMMANDS: Record<string, { summary: string; load: CommandLoader }> = {
  render: { summary: "Render a pipeline.ts to Concourse YAML", load: async () => (await import("./commands/render.ts")).renderCommand },
  lint: { summary: "Check pipelines the way Concourse does, and more", load: async () => (await import("./commands/lint.ts")).lintCommand },
  schema: { summary: "Print the JSON Schema of a pipeline", load: async () => (await import("./commands/schema.ts")).schemaCommand },
  import: {
    summary: "Turn pipeline YAML into a contrail pipeline.ts",
    load: async () => (await import("./commands/import.ts")).importCommand,
  },
  set: { summary: "Render a pipeline and set it with fly set-pipeline", load: async () => (await import("./commands/set.ts")).setCommand },
  validate: {
    summary: "Render a pipeline and check it with fly validate-pipeline (or contrail lint)",
    load: async () => (await import("./commands/validate.ts")).validateCommand,
  },
  diff: {
    summary: "Show what sdk set would change, by job and resource",
    load: async () => (await import("./commands/diff.ts")).diffCommand,
  },
  graph: {
    summary: "Draw a pipeline as Concourse shows it (SVG, HTML, DOT, Mermaid)",
    load: async () => (await import("./commands/graph.ts")).graphCommand,
  },
};

const VERSION = "0.1.0";

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `contrail ${VERSION}: typed Concourse pipelines\n\nUsage: sdk <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun 'sdk <command> --help' for a command's options.\nExit codes: 0 ok, 1 problems in the pipeline, 2 usage error.\n`;
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and IO.
 * Resolves to the exit code; never throws.
 */
export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`sdk: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(", ")}. Run 'sdk --help'.\n`);
    return ExitCode.usage;
  }
  try {
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(command.usage);
      return ExitCode.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (isInstance(error, UsageError)) {
      io.stderr(`${terminalSafe(error.message)}\nRun 'sdk ${name} --help' for usage.\n`);
      return ExitCode.usage;
    }
    if (isInstance(error, CliError)) {
      io.stderr(`${terminalSafe(error.message)}\n`);
      return error.exitCode;
    }
    const io_ = describeIoError(error);
    if (io_ !== undefined) {
      io.stderr(`sdk ${name}: ${terminalSafe(io_)}\n`);
      return ExitCode.usage;
    }
    const thrown = readThrown(error);
    const detail = thrown.isError && io.env.CONTRAIL_DEBUG ? thrown.stack : thrown.message;
    io.stderr(
      `sdk ${name}: internal error: ${terminalSafe(detail ?? "")}\nThis is a bug in contrail; set CONTRAIL_DEBUG=1 for a stack trace and report it.\n`,
    );
    return ExitCode.problems;
  }
}
