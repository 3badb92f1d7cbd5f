/**
 * The glob patterns of a group's `jobs:` list, matched as Concourse matches them
 * (gobwas/glob): the linter's implementation, so that `sdk graph` and `sdk lint` agree on
 * which jobs a group holds.
 *
 * @see https://concourse-ci.org/pipelines.html#schema.group_config.jobs
 */
import { compileGobwasGlob } from "../lint/validate/glob.ts";

/** Whether `name` matches the glob `pattern`; an invalid pattern matches nothing. */
export function matchesGlob(pattern: string, name: string): boolean {
  return compileGobwasGlob(pattern)?.test(name) ?? false;
}
