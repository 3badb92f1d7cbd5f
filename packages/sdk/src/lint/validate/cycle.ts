/**
 * J12: `passed` constraints must not form a cycle (`passed: [self]` included). Reported as a
 * second `invalid jobs:` block, once, naming the first job (in config order) from which a
 * cycle is reachable.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
import { arr, type Obj, obj, text } from "../values.ts";
import { walkJob } from "../walk.ts";
import { goPathMatches } from "./glob.ts";
import type { Report } from "./report.ts";

/** Validates that the `passed` graph is acyclic. */
export function validateCycle(config: Obj, report: Report): void {
  const jobs = arr(config.jobs).map((j) => obj(j) ?? {});
  const names = jobs.map((j) => text(j.name));
  const edges = new Map<string, Set<string>>();
  for (const job of jobs) {
    const from = text(job.name);
    const targets = edges.get(from) ?? new Set<string>();
    walkJob(job, (step, core) => {
      if (core !== "get") return;
      for (const p of arr(step.passed)) for (const name of goPathMatches(text(p), names)) targets.add(name);
    });
    edges.set(from, targets);
  }
  // 0 = unvisited, 1 = on the stack, 2 = done and cycle-free.
  const state = new Map<string, number>();
  const hasCycle = (name: string): boolean => {
    const s = state.get(name) ?? 0;
    if (s === 1) return true;
    if (s === 2) return false;
    state.set(name, 1);
    for (const next of edges.get(name) ?? []) if (hasCycle(next)) return true;
    state.set(name, 2);
    return false;
  };
  for (const job of jobs) {
    const name = text(job.name);
    if (hasCycle(name)) {
      report.error("passed-cycle", `pipeline contains a cycle that starts at Job '${name}'`, ["jobs", name], job, "name");
      return;
    }
  }
}
