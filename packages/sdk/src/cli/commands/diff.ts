/**
 * `sdk diff`: what `sdk set` would change. Compares the pipeline Concourse has
 * (`fly get-pipeline`) with the rendered one in meaning, and shows the differences by job
 * and resource.
 *
 * @see https://concourse-ci.org/setting-pipelines.html
 * @see https://concourse-ci.org/fly.html
 */
import { comparePipelines } from "../../diff/compare.ts";
import { formatChanges } from "../../diff/format.ts";
import { readPipelineYaml } from "../../diff/read.ts";
import { LOAD_TIMEOUT_OPTION, LOAD_TIMEOUT_USAGE, loadTimeoutMs } from "../../load/load-guard.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, ExitCode, UsageError } from "../command.ts";
import {
  exitCodeOf,
  FLY_TIMEOUT_OPTION,
  FLY_TIMEOUT_USAGE,
  FlyArgs,
  flyTimeoutMs,
  reportInterrupt,
  reportTimeout,
  requireFly,
  showCommand,
  withInterrupts,
} from "../fly.ts";
import { refuseOnErrors, renderForFly } from "../fly-render.ts";

const USAGE = `Usage: sdk diff -t TARGET -p NAME [FILE] [options]

Shows what 'sdk set' would change: runs
  fly -t TARGET get-pipeline -p NAME
and compares its YAML with the pipeline rendered from FILE (default: pipeline.ts) in
meaning, as Concourse reads both (key order, quoting and YAML 1.1 spellings make no
difference). Differences are grouped by entity:
  ~ job build-my-repo      changed, followed by the changed lines
  + resource new-thing     only in the rendered pipeline
  - job old-job            only in Concourse

Options:
  -t, --target TARGET      fly target (see 'fly targets')
  -p, --name NAME          the pipeline's name in Concourse
      --pipeline EXPORT    the exported pipeline to compare, when FILE exports several
      --team TEAM          the pipeline's team, when not the target's
      --force              compare even when render finds errors
      --fly PATH           the fly executable (default: $FLY, then fly on PATH)
${LOAD_TIMEOUT_USAGE}
${FLY_TIMEOUT_USAGE}

Vars given to 'sdk set' with -v/-y/-l were interpolated by fly, so they show as differences
against the rendered '((var))' text.
Exit codes: 0 no differences; 1 differences (or fly's own code when it fails); 2 usage.
See https://concourse-ci.org/setting-pipelines.html
`;

/**
 * `sdk diff`: `fly get-pipeline` against the rendered pipeline, in meaning.
 *
 * @see https://concourse-ci.org/fly.html
 */
export const diffCommand: Command = {
  name: "diff",
  summary: "Show what sdk set would change, by job and resource",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("diff", args, {
      target: { type: "string", short: "t" },
      name: { type: "string", short: "p" },
      pipeline: { type: "string" },
      team: { type: "string" },
      force: { type: "boolean" },
      fly: { type: "string" },
      ...LOAD_TIMEOUT_OPTION,
      ...FLY_TIMEOUT_OPTION,
    });
    if (positionals.length > 1) throw new UsageError(`sdk diff: one file at a time (got ${positionals.length})`);
    if (values.target === undefined) throw new UsageError("sdk diff: -t TARGET is required (a fly target; see 'fly targets')");
    if (values.name === undefined) throw new UsageError("sdk diff: -p NAME is required (the pipeline's name in Concourse)");
    const file = positionals[0] ?? "pipeline.ts";
    const fly = requireFly(io, "diff", values.fly);
    const timeoutMs = flyTimeoutMs("diff", values["fly-timeout"], io);
    const rendered = await renderForFly("diff", file, io, {
      loadTimeoutMs: loadTimeoutMs("diff", values["load-timeout"], io),
      pipeline: values.pipeline,
      force: values.force,
      lint: false,
    });
    refuseOnErrors(io, "diff", file, rendered, values.force);
    const [pipeline] = rendered;
    if (pipeline === undefined) return ExitCode.problems;
    const desired = readPipelineYaml(pipeline.text, `${file} (rendered YAML)`);

    const command = new FlyArgs().add("-t", values.target, "get-pipeline", "-p", values.name);
    if (values.team !== undefined) command.add("--team", values.team);
    io.stderr(`sdk diff: ${showCommand("fly", command.shown)}\n`);
    const { result, signal } = await withInterrupts(async (interrupts, run) => {
      // fly get-pipeline asks nothing; a prompt (a login?) would wait, unseen, on captured output.
      const result = await run(io, fly, command.args, { capture: true, closeStdin: true, timeoutMs });
      return { result, signal: interrupts.signal };
    });
    if (signal !== undefined) return reportInterrupt(io, "diff", signal, result, false);
    const timedOut = reportTimeout(io, "diff", result, timeoutMs);
    if (timedOut !== undefined) return timedOut;
    const code = exitCodeOf(result);
    if (code !== ExitCode.ok) {
      io.stdout(result.stdout);
      io.stderr(result.stderr);
      io.stderr(
        `sdk diff: fly get-pipeline failed (exit ${code}); check the target ('fly -t ${values.target} status') and the pipeline's name.\n`,
      );
      return code;
    }
    const current = readPipelineYaml(result.stdout, `fly -t ${values.target} get-pipeline -p ${values.name}`);
    const changes = comparePipelines(current, desired);
    io.stdout(formatChanges(changes));
    return changes.length === 0 ? ExitCode.ok : ExitCode.problems;
  },
};
