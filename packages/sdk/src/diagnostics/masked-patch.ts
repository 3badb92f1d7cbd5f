/**
 * A unified diff of two YAML texts as it may be printed (`sdk render --check` in CI): the
 * values of credentials never show (`-  password: <hidden>`, `+  password: <changed>`), so
 * that a drift check does not print the secret it found, old or new; and every line is
 * {@link terminalSafe}, as the rest of contrail's text output is.
 */
import { CHANGED, HIDDEN, maskYamlSourceLine } from "./secrets.ts";
import { terminalSafe } from "./terminal-safe.ts";

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * `patch` (made by the `diff` package's `createTwoFilesPatch` from `before` and `after`)
 * with each line masked by where it comes from: context and removed lines as line N of
 * `before`, added lines as line N of `after`, so that a block scalar's lines are known by the
 * key above them even when the hunk does not show that key.
 */
export function maskedPatch(patch: string, before: string, after: string): string {
  const old = before.split("\n");
  const updated = after.split("\n");
  let oldLine = 0;
  let newLine = 0;
  const out = patch.split("\n").map((line) => {
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      return line;
    }
    if (oldLine === 0) return terminalSafe(line); // the header: file names
    const sign = line[0];
    if (sign === " ") {
      const masked = maskYamlSourceLine(old, oldLine);
      oldLine++;
      newLine++;
      return terminalSafe(` ${masked}`);
    }
    if (sign === "-") return terminalSafe(`-${maskYamlSourceLine(old, oldLine++)}`);
    if (sign === "+") {
      const raw = updated[newLine - 1] ?? "";
      const masked = maskYamlSourceLine(updated, newLine++);
      // Hidden on the new side means new or changed: it is only ever on a + line for that.
      return terminalSafe(`+${masked === raw ? masked : masked.replaceAll(HIDDEN, CHANGED)}`);
    }
    return terminalSafe(line); // "\ No newline at end of file", the separator line
  });
  return out.join("\n");
}
