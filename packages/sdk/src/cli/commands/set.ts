/**
 * `sdk set`: renders a pipeline.ts and sets it with `fly set-pipeline`.
 *
 * @see https://concourse-ci.org/setting-pipelines.html
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
  flyTimeoutMs,
  type PrivateFile,
  reportInterrupt,
  reportTimeout,
  requireFly,
  showCommand,
  withInterrupts,
  withPrivateFiles,
} from "../fly.ts";
import { refuseOnErrors, renderForFly } from "../fly-render.ts";
import { varsFileText } from "../fly-vars.ts";
import { concourseVersionOrFly } from "../fly-version.ts";
import { hasVarFlags, readVarFlags, VAR_FLAG_OPTIONS } from "../var-flags.ts";

const USAGE = `Usage: sdk set -t TARGET -p NAME [FILE] [options]
       sdk set -t TARGET --all [FILE] [options]

Renders the pipeline exported by FILE (default: pipeline.ts), refuses when render or lint
finds an error, then runs
  fly -t TARGET set-pipeline -p NAME -c <rendered file> --non-interactive
fly's output and exit code are passed through unchanged. The rendered file is private
(mode 0600) and removed afterwards. fly never prompts: see the diff first with 'sdk diff'
or --dry-run.

Options:
  -t, --target TARGET         fly target (see 'fly targets')
  -p, --name NAME             the pipeline's name in Concourse
      --pipeline EXPORT       the exported pipeline to set, when FILE exports several
      --all                   set every exported pipeline under its own name (no -p)
  -v, --var NAME=VALUE        a string var, passed to fly (repeatable)
  -y, --yaml-var NAME=YAML    a YAML var, passed to fly (repeatable)
  -l, --load-vars-from FILE   a vars file, passed to fly (repeatable)
  -i, --instance-var NAME=YAML  an instance var, passed to fly (repeatable)
      --team TEAM             set the pipeline in another team
      --check-creds           ask Concourse to check that credentials resolve
  -d, --dry-run               show the changes without applying them
      --force                 set the pipeline even when render or lint finds errors
      --fly PATH              the fly executable (default: $FLY, then fly on PATH)
      --concourse VERSION|fly check for this Concourse version; 'fly' asks fly --version
                              (the server's version once fly is synced); default: package.json
                              "contrail": {"concourse": ...}, else the newest
${LOAD_TIMEOUT_USAGE}
${FLY_TIMEOUT_USAGE}

The vars are also filled into the check that runs before fly (as fly will fill them),
so a var of the wrong type is caught here. Values of -v and -y reach fly in a private vars file (mode 0600, removed afterwards),
never on its command line; contrail does not print them. Exit codes: fly's own; 1 problems in the pipeline; 2 usage or fly not found.
See https://concourse-ci.org/setting-pipelines.html
`;

/**
 * `sdk set`: render, lint, then `fly set-pipeline --non-interactive`.
 *
 * @see https://concourse-ci.org/setting-pipelines.html
 */
export const setCommand: Command = {
  name: "set",
  summary: "Render a pipeline and set it with fly set-pipeline",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("set", args, {
      target: { type: "string", short: "t" },
      name: { type: "string", short: "p" },
      pipeline: { type: "string" },
      all: { type: "boolean" },
      ...VAR_FLAG_OPTIONS,
      concourse: { type: "string" },
      team: { type: "string" },
      "check-creds": { type: "boolean" },
      "dry-run": { type: "boolean", short: "d" },
      "non-interactive": { type: "boolean", short: "n" },
      force: { type: "boolean" },
      fly: { type: "string" },
      ...LOAD_TIMEOUT_OPTION,
      ...FLY_TIMEOUT_OPTION,
    });
    if (positionals.length > 1) throw new UsageError(`sdk set: one file at a time (got ${positionals.length})`);
    if (values.target === undefined) throw new UsageError("sdk set: -t TARGET is required (a fly target; see 'fly targets')");
    if (values.all && values.name !== undefined)
      throw new UsageError("sdk set: -p NAME and --all do not go together; --all sets each pipeline under its own name");
    if (values.all && values.pipeline !== undefined) throw new UsageError("sdk set: --pipeline and --all do not go together");
    if (!values.all && values.name === undefined)
      throw new UsageError("sdk set: -p NAME is required (the pipeline's name in Concourse), or --all");
    // The same reading of the vars as fly's, so that the pipeline is checked as fly will send it.
    const checked = readVarFlags("set", values, io, true);
    const file = positionals[0] ?? "pipeline.ts";
    const target = values.target;
    const fly = requireFly(io, "set", values.fly);
    const timeoutMs = flyTimeoutMs("set", values["fly-timeout"], io);
    const vars = varsFileText(values.var ?? [], values["yaml-var"] ?? []);
    const concourse = await concourseVersionOrFly("set", values.concourse, io, () => fly);
    const rendered = await renderForFly("set", file, io, {
      loadTimeoutMs: loadTimeoutMs("set", values["load-timeout"], io),
      pipeline: values.pipeline,
      all: values.all,
      force: values.force,
      lint: true,
      concourse,
      vars: hasVarFlags(values) ? checked.sources : undefined,
    });
    refuseOnErrors(io, "set", file, rendered, values.force);

    return withInterrupts(async (interrupts, run) => {
      let status: number = ExitCode.ok;
      for (const pipeline of rendered) {
        const name = values.name ?? pipeline.name;
        const files: PrivateFile[] = [{ name, text: pipeline.text }];
        if (vars !== undefined) files.push({ name: "vars", text: vars });
        const result = await withPrivateFiles(io, files, async ([path, varsPath]) => {
          const command = new FlyArgs().add("-t", target, "set-pipeline", "-p", name, "-c", path as string, "--non-interactive");
          for (const f of values["load-vars-from"] ?? []) command.add("-l", f);
          // Last, so that -v and -y win over the -l files, as they do on fly's command line.
          if (varsPath !== undefined) command.add("-l", varsPath);
          for (const v of values["instance-var"] ?? []) command.secret("-i", v);
          if (values.team !== undefined) command.add("--team", values.team);
          if (values["check-creds"]) command.add("--check-creds");
          if (values["dry-run"]) command.add("--dry-run");
          io.stderr(`sdk set: ${showCommand("fly", command.shown)}\n`);
          return run(io, fly, command.args, { timeoutMs });
        });
        if (interrupts.signal !== undefined) return reportInterrupt(io, "set", interrupts.signal, result);
        const code = reportTimeout(io, "set", result, timeoutMs) ?? exitCodeOf(result);
        if (code !== ExitCode.ok && rendered.length > 1) io.stderr(`sdk set: fly set-pipeline failed for ${name} (exit ${code}).\n`);
        if (status === ExitCode.ok) status = code;
      }
      return status;
    });
  },
};
