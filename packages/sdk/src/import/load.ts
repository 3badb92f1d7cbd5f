/**
 * Reads pipeline YAML the way Concourse does (go-yaml v2, YAML 1.1 scalars, anchors,
 * aliases and `<<` merges expanded, only the first document) into plain JSON values,
 * using the linter's reader.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { JsonValue } from "../model/common.ts";
import { parseYaml } from "../yaml/parse.ts";
import type { YNode } from "../yaml/ynode.ts";

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** True for a JSON object (not an array, not null). */
export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toJson(node: YNode): JsonValue {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toJson);
  const out: JsonObject = {};
  for (const e of node.entries)
    Object.defineProperty(out, e.key, { value: toJson(e.value), enumerable: true, writable: true, configurable: true });
  return out;
}

/** The pipeline as Concourse reads it, or the problems that stop reading it. */
export interface LoadResult {
  readonly value: JsonObject | undefined;
  readonly diagnostics: Diagnostic[];
  /** The value of each YAML anchor (`&name`), by name, in the order they appear. */
  readonly anchors: ReadonlyMap<string, JsonValue>;
}

/** Parses YAML text into the value Concourse would decode. */
export function loadPipelineYaml(text: string, file?: string): LoadResult {
  const parsed = parseYaml(text);
  const diagnostics: Diagnostic[] = parsed.problems.map((p) => {
    const pos = parsed.lines.linePos(p.offset);
    return { code: p.code, severity: "error", message: p.message, path: "", file, line: pos.line, column: pos.col };
  });
  const anchors = new Map<string, JsonValue>();
  if (diagnostics.length > 0) return { value: undefined, diagnostics, anchors };
  const value = parsed.root ? toJson(parsed.root) : null;
  for (const [name, node] of parsed.anchors ?? []) anchors.set(name, toJson(node));
  if (!isObject(value)) {
    diagnostics.push({
      code: "import-not-a-pipeline",
      severity: "error",
      message: "the file holds no pipeline (a mapping at the top)",
      path: "",
      file,
    });
    return { value: undefined, diagnostics, anchors };
  }
  return { value, diagnostics, anchors };
}
