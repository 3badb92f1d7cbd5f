/**
 * Colours of text output: what each part of a diagnostic looks like on a terminal. Which
 * palette to use is the CLI's decision (`cli/colour.ts`); formatters only apply one.
 */

/** How to paint each part of a diagnostic. Every function returns its text unchanged when plain. */
export interface Palette {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly note: (text: string) => string;
  /** A rule code such as `unknown-resource`. */
  readonly code: (text: string) => string;
  /** The `>` and `^` of a code frame. */
  readonly marker: (text: string) => string;
  /** Line numbers, gutters and hints. */
  readonly dim: (text: string) => string;
}

const same = (text: string) => text;

/** No colour. */
export const PLAIN: Palette = { error: same, warning: same, note: same, code: same, marker: same, dim: same };

const sgr = (open: number, close: number) => (text: string) => (text === "" ? text : `\u001b[${open}m${text}\u001b[${close}m`);

/** ANSI colours: red errors, yellow warnings, cyan notes, bold codes, red markers, dim gutters. */
export const ANSI: Palette = {
  error: sgr(31, 39),
  warning: sgr(33, 39),
  note: sgr(36, 39),
  code: sgr(1, 22),
  marker: sgr(31, 39),
  dim: sgr(2, 22),
};

/** The colour of a severity word. */
export function severityColour(palette: Palette, severity: string): (text: string) => string {
  return severity === "error" ? palette.error : severity === "warning" ? palette.warning : palette.note;
}
