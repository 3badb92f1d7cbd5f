/**
 * Text from a pipeline (names, values, messages that quote them) printed to a terminal:
 * control characters (ESC, BEL, CR...) and the bidirectional overrides (U+202E...) would let
 * a hostile pipeline rewrite the screen or reorder what people read. They are shown escaped,
 * as `\u{1b}`.
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

/** `text` with every control and bidi character escaped; newlines and tabs are kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Like {@link terminalSafe}, and newlines escaped too: for text that must stay on one line. */
export function oneLineSafe(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, escapeChar);
}
