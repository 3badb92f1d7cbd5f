/**
 * Text from a pipeline (names, values, messages that quote them) printed to a terminal:
 * control characters (ESC, BEL, CR...) and the bidirectional overrides (U+202E...) would let
 * a hostile pipeline rewrite the screen or reorder what people read. They are shown escaped,
 * as `\u{1b}`.
 *
 * The same text often lands in a CI log, where the runner reads commands out of it: GitHub
 * Actions takes a line that starts (after blanks) with `::` as a workflow command, and one
 * holding `##[` anywhere as a legacy one (`##[stop-commands]TOKEN` switches every later
 * annotation off). A name or value holding those would forge annotations, masks or outputs,
 * so their first character is escaped too. See actions/runner's
 * src/Runner.Common/ActionCommand.cs (TryParseV2 and TryParse) and
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands.
 */

// C0 controls but tab and newline, DEL, C1 controls, the bidi embeddings, overrides and
// isolates, the directional marks, and the line and paragraph separators.
// (Built from strings: a regex literal of control characters reads as a mistake.)
const OTHERS = "\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${OTHERS}]`, "g");
const UNSAFE_OR_NEWLINE = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f${OTHERS}]`, "g");

function escapeChar(char: string): string {
  return `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
}

// `::` where a line starts (after blanks), and `##[` anywhere: the runner's two command forms.
const WORKFLOW_COMMAND = /^([ \t]*):(?=:)|#(?=#\[)/gm;

function escapeCommand(match: string, blanks: string | undefined): string {
  return blanks === undefined ? escapeChar(match) : `${blanks}${escapeChar(":")}`;
}

/**
 * `text` with every control and bidi character escaped, and no CI workflow command left in
 * it; newlines and tabs are kept.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar).replace(WORKFLOW_COMMAND, escapeCommand);
}

/** Like {@link terminalSafe}, and newlines escaped too: for text that must stay on one line. */
export function oneLineSafe(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, escapeChar).replace(WORKFLOW_COMMAND, escapeCommand);
}
