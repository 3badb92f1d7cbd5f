/**
 * The importer's modules import each other in one direction: no circle (type imports
 * included), so that each can be read, and changed, on its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/paths.ts";

const DIR = join(repoRoot, "packages/sdk/src/import");

/** Each module's imports of its siblings (`from "./x.ts"`). */
function siblingImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(join(DIR, file), "utf8");
    graph.set(
      file,
      [...text.matchAll(/from "\.\/([\w-]+\.ts)"/g)].map((m) => m[1] ?? ""),
    );
  }
  return graph;
}

/** A circle of modules, or undefined when there is none. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const visit = (file: string, path: string[]): string[] | undefined => {
    if (path.includes(file)) return [...path.slice(path.indexOf(file)), file];
    if (done.has(file)) return undefined;
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next, [...path, file]);
      if (cycle) return cycle;
    }
    done.add(file);
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("import/ modules", () => {
  it("finds a circle where there is one", () => {
    expect(
      findCycle(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", ["a.ts"]],
        ]),
      ),
    ).toEqual(["a.ts", "b.ts", "a.ts"]);
  });

  it("have no circle", () => {
    const graph = siblingImports();
    expect(graph.size).toBeGreaterThan(20);
    expect(findCycle(graph)).toBeUndefined();
  });
});
