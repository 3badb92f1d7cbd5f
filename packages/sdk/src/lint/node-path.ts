/**
 * The path of the node at a source offset, for diagnostics that only know where they are in
 * the file (decode errors). Items of the top-level named lists are named as everywhere else
 * in contrail (`jobs.build.plan[2].trigger`), other list items by index.
 */
import type { PathSegment } from "../diagnostics/diagnostic.ts";
import type { YNode } from "../yaml/ynode.ts";

const NAMED_LISTS: ReadonlySet<string> = new Set(["jobs", "resources", "resource_types", "prototypes", "groups", "var_sources"]);

/** The segments leading to the node (or mapping key) that starts at `offset`; [] if none does. */
export function pathAtOffset(root: YNode | undefined, offset: number): PathSegment[] {
  return (root && search(root, offset, [])) ?? [];
}

function itemSegment(parent: readonly PathSegment[], item: YNode, index: number): PathSegment {
  if (parent.length !== 1 || !NAMED_LISTS.has(String(parent[0])) || item.kind !== "map") return index;
  const name = item.entries.find((e) => e.key === "name")?.value;
  return name?.kind === "scalar" && typeof name.value === "string" && name.value !== "" ? name.value : index;
}

function search(node: YNode, offset: number, path: PathSegment[]): PathSegment[] | undefined {
  // A block mapping starts where its first key does: an offset there means the mapping.
  if (node.offset === offset) return path;
  if (node.kind === "map") {
    for (const e of node.entries) {
      if (e.keyOffset === offset) return [...path, e.key];
      const found = search(e.value, offset, [...path, e.key]);
      if (found) return found;
    }
  } else if (node.kind === "seq") {
    for (const [i, item] of node.items.entries()) {
      const found = search(item, offset, [...path, itemSegment(path, item, i)]);
      if (found) return found;
    }
  }
  return undefined;
}
