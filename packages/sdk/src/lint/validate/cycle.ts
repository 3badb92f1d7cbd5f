/**
 * J12: `passed` constraints must not form a cycle (`passed: [self]` included). Reported as a
 * second `invalid jobs:` block, once, naming the job where Concourse's walk closes the cycle
 * (`detectCycle` and `validateCycle` in atc/configvalidate/validate.go).
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
import { arr, type Obj, obj, text } from "../values.ts";
import { walkJobSteps } from "../walk.ts";
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
    walkJobSteps(job, "get", (step) => {
      for (const p of arr(step.passed)) for (const name of goPathMatches(text(p), names)) targets.add(name);
    });
    edges.set(from, targets);
  }
  // Concourse's detectCycle: one depth-first walk in job order with one shared visited map;
  // the cycle is reported at the first `passed` job met that is still on the stack, so for
  // a -> b -> c -> b it names 'b', not 'a' (which is not on the cycle).
  const state = new Map<string, "open" | "done">();
  const visit = (name: string): string | undefined => {
    state.set(name, "open");
    for (const next of edges.get(name) ?? []) {
      const s = state.get(next);
      if (s === "open") return next;
      if (s === undefined) {
        const found = visit(next);
        if (found !== undefined) return found;
      }
    }
    state.set(name, "done");
    return undefined;
  };
  for (const job of jobs) {
    const name = text(job.name);
    if (state.has(name)) continue;
    const start = visit(name);
    if (start !== undefined) {
      const at = jobs.find((j) => text(j.name) === start) ?? job;
      report.error("passed-cycle", `pipeline contains a cycle that starts at Job '${start}'`, ["jobs", start], at, "name");
      return;
    }
  }
}
