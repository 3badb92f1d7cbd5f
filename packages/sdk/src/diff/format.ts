/**
 * Shows pipeline differences grouped by entity, as `sdk diff` prints them:
 *
 * ```
 * ~ job build-my-repo
 *       plan:
 *       - get: my-repo
 *   -     trigger: true
 *   +     trigger: false
 * + resource new-thing
 * - job old-job
 * ```
 *
 * @see https://concourse-ci.org/setting-pipelines.html
 */
import { oneLineSafe } from "../diagnostics/terminal-safe.ts";
import type { EntityChange } from "./compare.ts";

/** The readable diff of {@link comparePipelines}'s result, with a summary line. */
export function formatChanges(changes: readonly EntityChange[]): string {
  if (changes.length === 0) return "no differences\n";
  const out: string[] = [];
  for (const c of changes) {
    out.push(oneLineSafe(`${c.change} ${c.kind}${c.name === "" ? "" : ` ${c.name}`}`));
    for (const line of c.lines) out.push(line === "..." ? "    ..." : oneLineSafe(`  ${line.charAt(0)} ${line.slice(1)}`));
  }
  const count = (change: EntityChange["change"]): number => changes.filter((c) => c.change === change).length;
  const parts = [
    [count("~"), "changed"],
    [count("+"), "added"],
    [count("-"), "removed"],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, what]) => `${n} ${what}`);
  out.push(
    "",
    `${changes.length} difference${changes.length === 1 ? "" : "s"} (${parts.join(", ")}); '+' is what 'sdk set' would add, '-' what it would remove.`,
  );
  return `${out.join("\n")}\n`;
}
