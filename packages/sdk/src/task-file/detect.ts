/**
 * Telling a task config file from a pipeline: a top-level `platform` or `run` and no `jobs`
 * (the test `corpus/INDEX.md` uses too). Concourse itself never has to: the step says which.
 */
import type { YNode } from "../yaml/ynode.ts";

/** True when the top-level node looks like a task config rather than a pipeline. */
export function isTaskConfigDocument(root: YNode | undefined): boolean {
  if (root?.kind !== "map") return false;
  const keys = new Set(root.entries.map((e) => e.key));
  return !keys.has("jobs") && (keys.has("platform") || keys.has("run"));
}

/** The same test on text, cheaply: for choosing how to lint a file before parsing it fully. */
export function looksLikeTaskConfig(text: string): boolean {
  return /^["']?(?:platform|run)["']?\s*:/m.test(text) && !/^["']?jobs["']?\s*:/m.test(text);
}
