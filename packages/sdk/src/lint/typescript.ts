/**
 * Type-checks a TypeScript pipeline file with ts-morph (loaded lazily: `sdk lint` on YAML
 * never pays for it), using the compiler options of the nearest `tsconfig.base.json` or
 * `tsconfig.json` above the file, else strict defaults. Type errors become diagnostics with
 * code `typescript`.
 */
import * as path from "node:path";
import type { Io } from "../cli/io.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

const CONFIG_NAMES = ["tsconfig.base.json", "tsconfig.json"];

/** The nearest tsconfig above `file`, if any. */
function findTsconfig(file: string, io: Io): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (io.exists(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Type-checks `file`; never throws for a bad file (its problems are diagnostics). */
export async function lintTypeScriptFile(file: string, io: Io): Promise<Diagnostic[]> {
  const { Project, ts } = await import("ts-morph");
  const absolute = path.resolve(io.cwd, file);
  const tsconfig = findTsconfig(absolute, io);
  let compilerOptions: import("ts-morph").CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
  };
  if (tsconfig) {
    const read = ts.readConfigFile(tsconfig, (p) => io.readFile(p));
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, path.dirname(tsconfig), undefined, tsconfig);
    compilerOptions = { ...parsed.options, noEmit: true };
  }
  const project = new Project({ compilerOptions: { ...compilerOptions, noEmit: true }, skipAddingFilesFromTsConfig: true });
  const source = project.addSourceFileAtPath(absolute);
  project.resolveSourceFileDependencies();
  return project
    .getPreEmitDiagnostics()
    .filter((d) => d.getSourceFile()?.getFilePath() === source.getFilePath())
    .map((d) => {
      const start = d.getStart();
      const pos = start === undefined ? undefined : source.getLineAndColumnAtPos(start);
      const text = d.getMessageText();
      const message = typeof text === "string" ? text : text.getMessageText();
      return {
        code: "typescript",
        severity: d.getCategory() === ts.DiagnosticCategory.Error ? "error" : "warning",
        message: `TS${d.getCode()}: ${message}`,
        path: "",
        file,
        ...(pos ? { line: pos.line, column: pos.column } : {}),
      } satisfies Diagnostic;
    });
}
