/**
 * The fast reader's contract, as one check: on any text, it either gives up or gives what
 * the `yaml`-package path gives (tree, offsets, key offsets, problems, anchors, non-finite
 * scalars, later document), deep-equal.
 */
import { expect } from "vitest";
import { readFast } from "../../packages/sdk/src/yaml/fast-reader.ts";
import { LineIndex } from "../../packages/sdk/src/yaml/line-index.ts";
import type { ParsedYaml } from "../../packages/sdk/src/yaml/parsed.ts";
import { readWithYamlPackage } from "../../packages/sdk/src/yaml/yaml-package-reader.ts";

/** Which reader answered. */
export type Path = "fast" | "fallback";

function comparable(parsed: ParsedYaml): Omit<ParsedYaml, "lines"> {
  const { lines: _lines, ...rest } = parsed;
  return rest;
}

/** Reads `text` both ways; fails the test on any difference. `label` names the input in the failure. */
export function expectAgreement(text: string, label = JSON.stringify(text.slice(0, 200))): Path {
  const fast = readFast(text, new LineIndex(text));
  if (!fast) return "fallback";
  const slow = readWithYamlPackage(text, new LineIndex(text));
  expect(comparable(fast), `fast reader differs from the yaml package on ${label}`).toStrictEqual(comparable(slow));
  return "fast";
}
