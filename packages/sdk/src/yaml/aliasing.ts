/**
 * go-yaml's defence against alias bombs ("billion laughs"): while decoding, it counts the
 * nodes it decodes and those it decodes through an alias, and fails with "document
 * contains excessive aliasing" once aliases account for too large a share. Concourse reads
 * pipelines with go-yaml (fly's pre-check with v3, the server with v2), so a pipeline that
 * trips it is refused; contrail refuses it too, before expanding anything.
 *
 * The walk below decodes nothing: it visits nodes in go-yaml's order (keys, then values)
 * and stops at the first node where the check would fail. It is bounded: unless the check
 * fires, alias visits stay a fixed share of all visits, and the others are the document's
 * own nodes.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/decode.go (allowedAliasRatio, unmarshal)
 */
import type { Document, Node } from "yaml";
import { yamlPackage } from "./yaml-package.ts";

/** go-yaml's message. */
export const EXCESSIVE_ALIASING = "yaml: document contains excessive aliasing";

// go-yaml v2 decode.go: the share of alias-driven decodes allowed shrinks from 99% at
// 400,000 decodes to 10% at 4,000,000.
const RATIO_RANGE_LOW = 400_000;
const RATIO_RANGE_HIGH = 4_000_000;
const RATIO_RANGE = RATIO_RANGE_HIGH - RATIO_RANGE_LOW;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - RATIO_RANGE_LOW) / RATIO_RANGE);
}

/** Each alias of `doc` and the node it names (the last anchor of that name before it). */
function resolveAliases(root: Node): Map<Node, Node> {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlPackage();
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (target) targets.set(n, target);
      continue;
    }
    if (!isScalar(n) && !isSeq(n) && !isMap(n)) continue;
    if (n.anchor) anchors.set(n.anchor, n);
    if (isSeq(n) || isMap(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return targets;
}

/** go-yaml's test, made after each decoded node: true when aliases have taken too large a share. */
export function exceedsAliasRatio(decodeCount: number, aliasCount: number): boolean {
  return aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount);
}

const LEAVE_ALIAS = Symbol("leave alias");

/**
 * The offset of the node where go-yaml would stop with {@link EXCESSIVE_ALIASING}, or
 * undefined when the document passes. Documents without aliases are not walked twice.
 */
export function excessiveAliasingAt(doc: Document.Parsed): number | undefined {
  const { isAlias, isMap, isPair, isSeq } = yamlPackage();
  const root = doc.contents;
  if (!root) return undefined;
  const targets = resolveAliases(root);
  if (targets.size === 0) return undefined;
  let decodeCount = 0;
  let aliasCount = 0;
  let aliasDepth = 0;
  // An alias inside the node it names expands for ever, but every visit then counts as an
  // alias, so the check below fires within a few thousand steps.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === LEAVE_ALIAS) {
      aliasDepth--;
      continue;
    }
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (!n || typeof n !== "object") continue;
    decodeCount++;
    if (aliasDepth > 0) aliasCount++;
    if (exceedsAliasRatio(decodeCount, aliasCount)) {
      return (n as Node).range?.[0] ?? 0;
    }
    if (isAlias(n)) {
      const target = targets.get(n);
      if (target) {
        aliasDepth++;
        stack.push(LEAVE_ALIAS, target);
      }
      continue;
    }
    if (isSeq(n) || isMap(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
  return undefined;
}
