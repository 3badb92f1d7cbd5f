/**
 * Which Concourse version to judge for: `--concourse VERSION`, else the project setting
 * `"contrail": { "concourse": "7.11" }` in the nearest package.json above the working
 * directory, else the newest contrail models.
 */
import { dirname, join } from "node:path";
import type { Io } from "../io/io.ts";
import { type ConcourseVersion, LATEST_CONCOURSE, OLDEST_CONCOURSE, parseConcourseVersion } from "../lint/concourse-version.ts";
import { CliError, ExitCode, UsageError } from "./command.ts";

/** The `parseArgs` option. */
export const CONCOURSE_OPTION = { concourse: { type: "string" } } as const;

/** Its help line. */
export const CONCOURSE_HELP = `      --concourse VERSION     judge for this Concourse version, ${short(OLDEST_CONCOURSE)} to ${short(LATEST_CONCOURSE)} (default:
                              package.json "contrail": {"concourse": ...}, else ${short(LATEST_CONCOURSE)})`;

function short(v: { major: number; minor: number }): string {
  return `${v.major}.${v.minor}`;
}

/** The version asked for, or undefined for the newest. */
export function concourseVersion(command: string, flag: string | undefined, io: Io): ConcourseVersion | undefined {
  if (flag !== undefined) {
    const parsed = parseConcourseVersion(flag);
    if ("error" in parsed) throw new UsageError(`sdk ${command}: --concourse: ${parsed.error}`);
    return parsed;
  }
  const setting = projectSetting(io);
  if (!setting) return undefined;
  const parsed = parseConcourseVersion(setting.value);
  if ("error" in parsed) {
    throw new CliError(`sdk ${command}: ${setting.file}: "contrail.concourse": ${parsed.error}`, ExitCode.usage);
  }
  return parsed;
}

/** The nearest package.json's `contrail.concourse`, if any. */
function projectSetting(io: Io): { file: string; value: string } | undefined {
  let dir = io.cwd;
  for (;;) {
    const file = join(dir, "package.json");
    if (io.exists(file)) {
      let json: unknown;
      try {
        json = JSON.parse(io.readFile(file));
      } catch {
        return undefined;
      }
      const value = (json as { contrail?: { concourse?: unknown } } | null)?.contrail?.concourse;
      if (value === undefined) return undefined;
      if (typeof value !== "string") {
        throw new CliError(`error: ${file}: "contrail.concourse" must be a string such as "7.11"`, ExitCode.usage);
      }
      return { file, value };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
