/**
 * load/transpile.ts: sucrase for the pipeline.ts it handles as jiti's Babel would, Babel
 * for the rest, and a source map either way (load/jiti-positions.ts maps through it).
 */
import { SourceMap } from "node:module";
import { describe, expect, it } from "vitest";
import { pipelineTranspiler } from "../../../packages/sdk/src/load/transpile.ts";

const transpile = pipelineTranspiler();
const run = (source: string) =>
  transpile({ source, filename: "/tmp/pipeline.ts", ts: true, async: true, babel: { sourceMaps: "inline" } }).code;

function sourceMapOf(code: string): SourceMap {
  const inline = /sourceMappingURL=data:application\/json;charset=utf-8;base64,([A-Za-z0-9+/=]+)/.exec(code)?.[1];
  expect(inline).toBeDefined();
  return new SourceMap(JSON.parse(Buffer.from(inline ?? "", "base64").toString("utf8")));
}

describe("the pipeline.ts transpiler", () => {
  it("strips types and rewrites imports with sucrase, keeping lines, with a map back to the TypeScript", () => {
    const code = run('import { loadVar, type Var } from "contrail";\n\nconst v: Var = loadVar("x", "y");\nexport default v;\n');
    // sucrase's call through an import binding (Babel writes `(0, _contrail.loadVar)(`).
    expect(code).toContain('_contrail.loadVar.call(void 0, "x", "y")');
    expect(code).not.toContain(": Var");
    expect(code.split("\n")[2]).toContain("const v = ");
    const entry = sourceMapOf(code).findEntry(2, code.split("\n")[2]?.indexOf("_contrail") ?? 0) as { originalLine?: number };
    expect(entry.originalLine).toBe(2);
  });

  it("leaves import.meta and dynamic import() to jiti's Babel, which rewrites them for jiti", () => {
    const meta = run("const here: string = import.meta.url;\nexport default here;\n");
    expect(meta).not.toContain("import.meta");
    expect(meta).not.toContain(".call(void 0");
    sourceMapOf(meta);
    const dynamic = run('export default async () => (await import("./other.ts")).x;\n');
    expect(dynamic).toContain("jitiImport");
  });

  it("gives what sucrase cannot parse to Babel, whose error (jiti throws it when it runs the code) names the place", () => {
    expect(run("const x: number = ;\n")).toContain('"line":1,"column":18,"code":"ParseError","message":"Unexpected token');
  });
});
