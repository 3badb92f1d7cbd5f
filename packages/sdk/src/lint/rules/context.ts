/**
 * What contrail's rules may know beyond the config: where task files are (so that file tasks
 * are checked like inline ones), and the counts they report back.
 */
import type { TaskFileSource } from "../../task-file/source.ts";

/** How many file tasks the rules could follow. */
export interface FileTaskStats {
  /** File tasks whose task file was found (or was looked for and is missing). */
  resolved: number;
  /** File tasks left unchecked: artifact not mapped, or path templated with `((vars))`. */
  unchecked: number;
  /** File tasks not followed: the path leads out of the mapped artifact's folder. */
  outside: number;
}

/** The context of one rules run. */
export interface RuleContext {
  readonly taskFiles?: TaskFileSource | undefined;
  /** Filled in by the rules. */
  readonly stats: FileTaskStats;
}

/** A fresh context. */
export function ruleContext(taskFiles?: TaskFileSource): RuleContext {
  return { taskFiles, stats: { resolved: 0, unchecked: 0, outside: 0 } };
}
