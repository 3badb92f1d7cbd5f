/**
 * Positions for diagnostics: from a source offset, or from a decoded object (and one of its
 * keys) through the decode's node index. Shared by pipeline files and task files.
 */

import type { ParsedYaml } from "../yaml/parse.ts";
import { entry, type YNode } from "../yaml/ynode.ts";
import type { DecodeState } from "./decode/context.ts";

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets and decoded values of one parsed file to positions. */
export interface Locator {
  /** The position of a source offset. */
  at(offset: number): Position;
  /** The position of `key` in `target` (or of `target`), else of the document. */
  locate(target: object | undefined, key: string | undefined): Position;
}

/** Builds the locator of a parsed file and its decode. */
export function makeLocator(parsed: ParsedYaml, state: DecodeState, root: YNode | undefined): Locator {
  const at = (offset: number): Position => {
    const pos = parsed.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const locate = (target: object | undefined, key: string | undefined): Position => {
    const node = target ? state.nodes.get(target) : undefined;
    if (!node) return root ? at(root.offset) : { line: 1, column: 1 };
    const e = key !== undefined && node.kind === "map" ? entry(node, key) : undefined;
    return at(e ? e.keyOffset : node.offset);
  };
  return { at, locate };
}
