/**
 * `sdk validate`: renders a pipeline.ts and validates the YAML with `fly validate-pipeline`,
 * or with contrail's own lint when fly is not installed.
 *
 * @see https://concourse-ci.org/setting-pipelines.html#fly-validate-pipeline
 * @see https://concourse-ci.org/fly.html
 */

import { LOAD_TIMEOUT_OPTION, LOAD_TIMEOUT_USAGE, loadTimeoutMs } from "../../load/load-guard.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, ExitCode, UsageError } from "../command.ts";
import {
  exitCodeOf,
  FLY_TIMEOUT_OPTION,
  FLY_TIMEOUT_USAGE,
  FlyArgs,
  findFly,
  flyTimeoutMs,
  type PrivateFile,
  reportInterrupt,
  reportTimeout,
  requireFly,
  showCommand,
  withInterrupts,
  withPrivateFiles,
} from "../fly.ts";
import { type RenderedForFly, renderForFly } from "../fly-render.ts";
import { varsFileText } from "../fly-vars.ts";
import { concourseVersionOrFly } from "../fly-version.ts";
import { hasVarFlags, readVarFlags, VAR_FLAG_OPTIONS } from "../var-flags.ts";

const USAGE = `Usage: sdk validate [FILE] [--strict] [--pipeline NAME] [options]

Renders the pipeline(s) exported by FILE (default: pipeline.ts) and validates the YAML:
  fly validate-pipeline -c <rendered file> [--strict]
when fly is found, else with contrail's own lint (the same checks, with Concourse's
messages). It says which one ran.

Options:
  -s, --strict                unknown keys and warnings fail too
      --pipeline NAME         validate only this exported pipeline
  -v, --var NAME=VALUE        a string var, passed to fly (repeatable)
  -y, --yaml-var NAME=YAML    a YAML var, passed to fly (repeatable)
  -l, --load-vars-from FILE   a vars file, passed to fly (repeatable)
      --fly PATH              the fly executable (default: $FLY, then fly on PATH)
      --concourse VERSION|fly check for this Concourse version ('fly': fly --version)
${LOAD_TIMEOUT_USAGE}
${FLY_TIMEOUT_USAGE}

Exit codes: 0 valid; 1 invalid (or fly's own code); 2 usage, or --fly not found.
See https://concourse-ci.org/fly.html
`;

/**
 * `sdk validate`: `fly validate-pipeline` on the rendered YAML, or contrail's lint.
 *
 * @see https://concourse-ci.org/fly.html
 */
export const validateCommand: Command = {
  name: "validate",
  summary: "Render a pipeline and check it with fly validate-pipeline (or contrail lint)",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("validate", args, {
      strict: { type: "boolean", short: "s" },
      pipeline: { type: "string" },
      var: VAR_FLAG_OPTIONS.var,
      "yaml-var": VAR_FLAG_OPTIONS["yaml-var"],
      "load-vars-from": VAR_FLAG_OPTIONS["load-vars-from"],
      concourse: { type: "string" },
      fly: { type: "string" },
      ...LOAD_TIMEOUT_OPTION,
      ...FLY_TIMEOUT_OPTION,
    });
    if (positionals.length > 1) throw new UsageError(`sdk validate: one file at a time (got ${positionals.length})`);
    const file = positionals[0] ?? "pipeline.ts";
    const fly = findFly(io, values.fly);
    const timeoutMs = flyTimeoutMs("validate", values["fly-timeout"], io);
    const checked = readVarFlags("validate", values, io, true);
    const concourse = await concourseVersionOrFly("validate", values.concourse, io, () => requireFly(io, "validate", values.fly));
    const vars = varsFileText(values.var ?? [], values["yaml-var"] ?? []);
    const rendered = await renderForFly("validate", file, io, {
      loadTimeoutMs: loadTimeoutMs("validate", values["load-timeout"], io),
      concourse,
      vars: hasVarFlags(values) ? checked.sources : undefined,
      pipeline: values.pipeline,
      all: true,
      lint: fly === undefined,
    });

    if (fly === undefined) return validateWithLint(io, rendered, values.strict ?? false);
    return withInterrupts(async (interrupts, run) => {
      let status: number = ExitCode.ok;
      for (const pipeline of rendered) {
        if (pipeline.failed) {
          status = ExitCode.problems;
          continue;
        }
        const files: PrivateFile[] = [{ name: pipeline.name, text: pipeline.text }];
        if (vars !== undefined) files.push({ name: "vars", text: vars });
        const result = await withPrivateFiles(io, files, async ([path, varsPath]) => {
          const command = new FlyArgs().add("validate-pipeline", "-c", path as string);
          if (values.strict) command.add("--strict");
          for (const f of values["load-vars-from"] ?? []) command.add("-l", f);
          // Last, so that -v and -y win over the -l files, as they do on fly's command line.
          if (varsPath !== undefined) command.add("-l", varsPath);
          io.stderr(`sdk validate: ${showCommand("fly", command.shown)}\n`);
          return run(io, fly, command.args, { closeStdin: true, timeoutMs });
        });
        if (interrupts.signal !== undefined) return reportInterrupt(io, "validate", interrupts.signal, result);
        const code = reportTimeout(io, "validate", result, timeoutMs) ?? exitCodeOf(result);
        io.stderr(`sdk validate: ${pipeline.name}: validated with fly validate-pipeline${code === 0 ? "" : ` (exit ${code})`}\n`);
        if (status === ExitCode.ok) status = code;
      }
      return status;
    });
  },
};

/** The fallback: render and lint already ran; report their verdict. */
function validateWithLint(io: Parameters<Command["run"]>[1], rendered: readonly RenderedForFly[], strict: boolean): number {
  let status: number = ExitCode.ok;
  for (const pipeline of rendered) {
    const failed = pipeline.failed || (strict && pipeline.warnings > 0);
    if (failed) status = ExitCode.problems;
    else io.stdout(`${pipeline.name}: looks good\n`);
  }
  io.stderr(`sdk validate: fly not found; validated with contrail lint${strict ? " (--strict: warnings fail)" : ""}\n`);
  return status;
}
