/**
 * `--concourse fly` for `sdk set` and `sdk validate`: the version to judge for is the one
 * `fly --version` prints. A fly downloaded from the web UI, or kept in step with
 * `fly -t TARGET sync` (fly warns when it is not), has the server's version.
 *
 * @see https://concourse-ci.org/fly.html#fly-sync
 */

import type { Io } from "../io/io.ts";
import { type ConcourseVersion, parseConcourseVersion } from "../lint/concourse-version.ts";
import { CliError, ExitCode } from "./command.ts";
import { concourseVersion } from "./concourse-setting.ts";

/** The version `--concourse` asks for; `fly` means fly's own (the server's, once synced). */
export async function concourseVersionOrFly(
  command: string,
  flag: string | undefined,
  io: Io,
  fly: () => string,
): Promise<ConcourseVersion | undefined> {
  if (flag !== "fly") return concourseVersion(command, flag, io);
  const path = fly();
  let stdout: string;
  try {
    const result = await io.exec(path, ["--version"], { env: io.env, capture: true });
    if (result.code !== 0) throw new Error(`exit ${result.code ?? result.signal}: ${result.stderr.trim()}`);
    stdout = result.stdout;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `sdk ${command}: --concourse fly: '${path} --version' failed (${reason}); give the version instead, e.g. --concourse 8.3`,
      ExitCode.usage,
    );
  }
  const parsed = parseConcourseVersion(stdout.trim());
  if ("error" in parsed)
    throw new CliError(
      `sdk ${command}: --concourse fly: ${path} --version printed ${JSON.stringify(stdout.trim())}: ${parsed.error}`,
      ExitCode.usage,
    );
  io.stderr(`sdk ${command}: judging for Concourse ${stdout.trim()} (fly --version)\n`);
  return parsed;
}
