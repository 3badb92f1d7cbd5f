/**
 * Writes the generated file with ts-morph: the import declaration, one const statement per
 * declaration and the default export, each initializer laid out by {@link printExpr} so that
 * the file is already as Biome formats it.
 */

import type { ConstDecl } from "./emit-resources.ts";
import type { Expr } from "./expr.ts";
import { printConst, printExportDefault, printImport } from "./format.ts";
import { loadTsMorph } from "./ts-morph.ts";

/** Assembles the source text. */
export async function writeSourceFile(
  imports: readonly string[],
  consts: readonly ConstDecl[],
  pipeline: Expr,
  file: string | undefined,
  notes: readonly string[] = [],
): Promise<string> {
  const { Project } = await loadTsMorph();
  const project = new Project({ useInMemoryFileSystem: true });
  const sf = project.createSourceFile("pipeline.ts", "");
  sf.addStatements((w) => {
    if (file !== undefined) w.writeLine(`// Imported from ${file.replace(/\s+/g, " ")} by \`sdk import\`.`);
    for (const note of notes) w.writeLine(`// ${note.replace(/\s+/g, " ")}`);
    w.write(printImport(imports, "contrail"));
    for (const c of consts) w.blankLine().write(printConst(c.name, c.init));
    w.blankLine().write(printExportDefault(pipeline));
  });
  return `${sf.getFullText().replace(/^\n+/, "").trimEnd()}\n`;
}
