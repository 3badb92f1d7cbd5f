/**
 * Colour for people at a terminal, as fly and cdk8s do, and none for pipes, files and CI
 * logs that do not ask for it. Decided from the injected {@link Io} only, so that tests can
 * drive every case.
 *
 * - `FORCE_COLOR` set (and not `0` or `false`) forces colour, as in Node.js and most tools;
 * - else `NO_COLOR` set to anything non-empty turns it off (https://no-color.org);
 * - else colour when the stream is a terminal and `TERM` is not `dumb`.
 */

import type { Io } from "../io/io.ts";
import { ANSI, type Palette, PLAIN } from "../lint/format/palette.ts";

/** Whether to colour a stream that is (or is not) a terminal, given the environment. */
export function wantsColour(env: Io["env"], isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY && env.TERM !== "dumb";
}

/** The palette for the CLI's standard output or standard error. */
export function paletteFor(io: Pick<Io, "env" | "isTTY" | "stderrIsTTY">, stream: "stdout" | "stderr"): Palette {
  const isTTY = stream === "stdout" ? io.isTTY : (io.stderrIsTTY ?? false);
  return wantsColour(io.env, isTTY) ? ANSI : PLAIN;
}
