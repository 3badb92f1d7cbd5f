/**
 * fly's var flags, shared by every command that takes them (`lint`, `render`, `graph`,
 * `set`, `validate`): `-v NAME=STRING`, `-y NAME=YAML`, `-i NAME=YAML`, `-l FILE`.
 *
 * @see https://concourse-ci.org/setting-pipelines.html#pipeline-static-vars
 */
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Io } from "../io/io.ts";
import { loadVarSources, type VarFlags, type VarSources } from "../vars/sources.ts";
import { CliError, ExitCode, UsageError } from "./command.ts";

/** The `parseArgs` options of the var flags. */
export const VAR_FLAG_OPTIONS = {
  var: { type: "string", short: "v", multiple: true },
  "yaml-var": { type: "string", short: "y", multiple: true },
  "instance-var": { type: "string", short: "i", multiple: true },
  "load-vars-from": { type: "string", short: "l", multiple: true },
} as const;

/** The help lines of the var flags. */
export const VAR_FLAG_HELP = `  -v, --var NAME=STRING       a string var, as fly's -v (repeatable; NAME may be
                              dotted, a.b=x, or quoted, '"a.b"=x')
  -y, --yaml-var NAME=YAML    a var whose value is YAML 1.1 (true, 8080, {a: b})
  -i, --instance-var NAME=YAML  an instance var; also a var, over -v and -y
  -l, --load-vars-from FILE   a YAML vars file (repeatable; later files win, flags
                              win over files)`;

/** The var flags' values as `parseCommandArgs` returns them. */
export interface VarFlagValues {
  readonly var?: readonly string[] | undefined;
  readonly "yaml-var"?: readonly string[] | undefined;
  readonly "instance-var"?: readonly string[] | undefined;
  readonly "load-vars-from"?: readonly string[] | undefined;
}

/** The var flags given, in {@link VarFlags} form. */
export function varFlagsOf(values: VarFlagValues): VarFlags {
  return { vars: values.var, yamlVars: values["yaml-var"], instanceVars: values["instance-var"], files: values["load-vars-from"] };
}

/** True when any var flag was given. */
export function hasVarFlags(values: VarFlagValues): boolean {
  return [values.var, values["yaml-var"], values["instance-var"], values["load-vars-from"]].some((l) => (l?.length ?? 0) > 0);
}

/** The vars read, and what was wrong in the vars files (as diagnostics in those files). */
export interface CliVars {
  readonly sources: VarSources;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads the var flags and vars files. A malformed flag is a usage error and a missing vars
 * file an error naming it (both exit 2); problems inside a vars file are diagnostics. With
 * `passThrough` (commands that hand the flags to fly), an unreadable vars file is left out:
 * fly reads it and says what is wrong.
 */
export function readVarFlags(command: string, values: VarFlagValues, io: Io, passThrough = false): CliVars {
  const { sources, problems } = loadVarSources(varFlagsOf(values), (path) => io.readFile(resolve(io.cwd, path)));
  const diagnostics: Diagnostic[] = [];
  for (const p of problems) {
    if (p.code === "var-flag") throw new UsageError(`sdk ${command}: ${p.message}`);
    if (p.message.startsWith("could not read")) {
      if (passThrough) continue;
      throw new CliError(`sdk ${command}: ${p.message}`, ExitCode.usage);
    }
    diagnostics.push({
      code: p.code,
      severity: p.severity,
      message: p.message,
      path: "",
      ...(p.file !== undefined ? { file: p.file } : {}),
      ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}),
    });
  }
  return { sources, diagnostics };
}
