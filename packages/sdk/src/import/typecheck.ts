/**
 * Type-checks generated files in one TypeScript program (ts-morph), with the compiler
 * options of a tsconfig, so that many imports are checked at the cost of one.
 */
import { loadTsMorph } from "./ts-morph.ts";

/** Type errors of one file. */
export interface FileTypeErrors {
  readonly path: string;
  /** Each error, formatted with its line. */
  readonly errors: readonly string[];
}

/** Type-checks `paths` together with the options of `tsconfigPath`. */
export async function typeCheckFiles(paths: readonly string[], tsconfigPath: string): Promise<FileTypeErrors[]> {
  const { Project } = await loadTsMorph();
  const project = new Project({ tsConfigFilePath: tsconfigPath, skipAddingFilesFromTsConfig: true });
  const files = paths.map((p) => project.addSourceFileAtPath(p));
  const diagnostics = project.getPreEmitDiagnostics();
  return files.map((sf, i) => {
    const own = diagnostics.filter((d) => d.getSourceFile()?.getFilePath() === sf.getFilePath());
    const errors = own.map((d) => {
      const text = d.getMessageText();
      const message = typeof text === "string" ? text : text.getMessageText();
      return `${d.getLineNumber() ?? 0}: ${message}`;
    });
    return { path: paths[i] ?? "", errors };
  });
}
