/**
 * The `((vars))` a task file uses. When a build loads a task file, Concourse interpolates it
 * first with the step's `vars`, then with the build's vars (credential manager, `load_var`).
 *
 * @see https://github.com/concourse/concourse/blob/master/atc/exec/task_step.go
 */
import type { YNode } from "../yaml/ynode.ts";

/** One use of a var in a task file. */
export interface TaskFileVar {
  /** The var's name (the part before any `.field`). */
  readonly name: string;
  /** The whole reference, as written. */
  readonly text: string;
  /** Offset of `((` in the file. */
  readonly offset: number;
}

// `((name))`, `((name.field))`, `((source:path))`, `((.:local))`; Concourse var names allow
// no spaces, so a spruce operator `(( grab x ))` does not match.
const VAR = /\(\(([^()\s]+)\)\)/g;

/**
 * The vars of a task file that its step's `vars:` can supply: not `((.:local))` build vars,
 * not `((source:path))` references to a var source. Read from the YAML tree, not the text:
 * Concourse interpolates the decoded config, so a var in a comment is no var.
 */
export function taskFileVars(root: YNode | undefined): TaskFileVar[] {
  const out: TaskFileVar[] = [];
  const scan = (value: string, offset: number): void => {
    if (!value.includes("((")) return;
    for (const m of value.matchAll(VAR)) {
      const ref = m[1] ?? "";
      if (ref.includes(":")) continue;
      const name = ref.replace(/^"([^"]*)".*$/, "$1").split(".")[0] ?? "";
      if (name !== "") out.push({ name, text: m[0], offset });
    }
  };
  const walk = (node: YNode): void => {
    if (node.kind === "scalar") {
      if (typeof node.value === "string") scan(node.value, node.offset);
    } else if (node.kind === "seq") node.items.forEach(walk);
    else
      for (const e of node.entries) {
        scan(e.key, e.keyOffset);
        walk(e.value);
      }
  };
  if (root) walk(root);
  return out;
}
