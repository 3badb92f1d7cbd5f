/**
 * Test helper: reads YAML text the way Concourse (go-yaml v2, YAML 1.1) would type it.
 *
 * The `yaml` package parses the syntax; with the failsafe schema every scalar stays the
 * text it was written as, together with its style. A quoted or block scalar is a string;
 * a plain one is typed by `resolvePlainScalar`, go-yaml v2's resolver. So a plain `on`
 * comes back as `true` here, exactly as Concourse would see it, and a round-trip test
 * through this reader fails wherever the renderer forgot to quote.
 */

import type { JsonValue } from "../../../packages/sdk/src/model/common.ts";
import { resolvePlainScalar } from "../../../packages/sdk/src/yaml11/resolve.ts";
import { isAlias, isMap, isScalar, isSeq, type Node, parseDocument, Scalar } from "./yaml-package.ts";

/** A plain JS value as Concourse would decode it (numbers may be non-finite, as in Go). */
function scalarValue(node: Scalar, where: string): JsonValue {
  if (node.tag !== undefined) throw new Error(`unexpected tag ${node.tag} at ${where}`);
  const { value } = node;
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new Error(`failsafe schema gave a ${typeof value} at ${where}`);
  if (node.type !== Scalar.PLAIN) return value;
  const resolved = resolvePlainScalar(value);
  if (resolved.tag === "merge") throw new Error(`plain << (a merge key to go-yaml v2) at ${where}`);
  return resolved.value;
}

/** Map keys: go-yaml v2 then sigs.k8s.io/yaml turn non-string keys into their text. */
function keyText(key: unknown, where: string): string {
  if (key === null) return "null";
  if (!isScalar(key)) throw new Error(`non-scalar key at ${where}`);
  const value = scalarValue(key, where);
  if (value === null) throw new Error(`null key at ${where} (Concourse rejects it)`);
  return String(value);
}

function toValue(node: Node | null, where: string): JsonValue {
  if (node === null) return null;
  if (isAlias(node)) throw new Error(`alias at ${where}`);
  if (isScalar(node)) return scalarValue(node, where);
  if (isSeq(node)) return node.items.map((item, index) => toValue(item as Node | null, `${where}[${index}]`));
  if (isMap(node)) {
    const out: Record<string, JsonValue> = {};
    for (const pair of node.items) {
      const key = keyText(pair.key, where);
      if (Object.hasOwn(out, key)) throw new Error(`duplicate key ${JSON.stringify(key)} at ${where} after YAML 1.1 typing`);
      Object.defineProperty(out, key, {
        value: toValue(pair.value as Node | null, `${where}.${key}`),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  throw new Error(`unexpected node at ${where}`);
}

/** Parses YAML text as Concourse would type it; throws on any parse error or warning. */
export function readAsConcourse(yamlText: string): JsonValue {
  const doc = parseDocument(yamlText, { schema: "failsafe", uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join("\n"));
  return toValue(doc.contents, "$");
}
