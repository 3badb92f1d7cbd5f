/**
 * Type-checks a TypeScript pipeline file the way the user's project does: as `tsc -p` with
 * the nearest `tsconfig.json` above the file would (its options, its `extends`, the global
 * declarations it includes), with the user's own `typescript` package when the project has
 * one (an optional peer dependency; contrail's otherwise). `contrail` resolves to the same
 * copy of the library render aliases it to, so a pipeline.ts outside this workspace type-
 * checks as it renders. Without a tsconfig, the options match how render runs the file
 * (ES modules, `import.meta` allowed). Type errors become diagnostics with code `typescript`.
 *
 * TypeScript is loaded only here, so `sdk lint` on YAML never pays for it.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Io } from "../io/io.ts";
import { LIBRARY_ENTRY } from "../load/library-entry.ts";

type TypeScript = typeof TS;

/** A TypeScript compiler, and where it was found. */
export interface LoadedTypeScript {
  readonly ts: TypeScript;
  /** `project` (the pipeline's own), `contrail` (resolved from contrail's folder) or `ts-morph`. */
  readonly origin: "project" | "contrail" | "ts-morph";
}

/**
 * The `typescript` package the pipeline's project would use (resolved from `fromDir`, as
 * Node resolves it), else the one contrail can reach, else ts-morph's; undefined when
 * none is installed.
 */
export async function loadTypeScript(fromDir: string): Promise<LoadedTypeScript | undefined> {
  const bases: [string, LoadedTypeScript["origin"]][] = [
    [path.join(fromDir, "__contrail_lint__.js"), "project"],
    [import.meta.url, "contrail"],
  ];
  for (const [base, origin] of bases) {
    try {
      const require = createRequire(base);
      return { ts: require(require.resolve("typescript")) as TypeScript, origin };
    } catch {
      // Not installed there: try the next place.
    }
  }
  try {
    const { ts } = await import("ts-morph");
    return { ts: ts as unknown as TypeScript, origin: "ts-morph" };
  } catch {
    return undefined;
  }
}

/** Options for a pipeline.ts with no tsconfig.json above it: as render runs it. */
function defaultOptions(ts: TypeScript): TS.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
  };
}

// Whose files are reported: the user's, not contrail's nor a dependency's.
const LIBRARY_DIR = path.dirname(LIBRARY_ENTRY) + path.sep;
function isUserFile(fileName: string): boolean {
  const normal = path.resolve(fileName);
  return !normal.startsWith(LIBRARY_DIR) && !normal.includes(`${path.sep}node_modules${path.sep}`) && !normal.endsWith(".d.ts");
}

/** A compiler host that resolves `contrail` as render does (see `load/load-pipeline.ts`). */
function hostResolvingContrail(ts: TypeScript, options: TS.CompilerOptions): TS.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const extension = LIBRARY_ENTRY.endsWith(".d.ts") ? ts.Extension.Dts : ts.Extension.Ts;
  const contrail: TS.ResolvedModuleFull = { resolvedFileName: LIBRARY_ENTRY, extension, isExternalLibraryImport: true };
  const resolveOne = (name: string, containingFile: string, mode: TS.ResolutionMode, redirected?: TS.ResolvedProjectReference) =>
    name === "contrail"
      ? { resolvedModule: contrail }
      : ts.resolveModuleName(name, containingFile, options, host, undefined, redirected, mode);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, _options, containingSourceFile) =>
    literals.map((literal) =>
      resolveOne(literal.text, containingFile, ts.getModeForUsageLocation(containingSourceFile, literal, options), redirected),
    );
  return host;
}

/** One TypeScript diagnostic as a contrail diagnostic; `shown` names the pipeline file as given. */
function toDiagnostic(ts: TypeScript, d: TS.Diagnostic, root: string, shown: string): Diagnostic {
  const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  const fileName = d.file ? path.resolve(d.file.fileName) : undefined;
  return {
    code: "typescript",
    severity: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
    message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n  ")}`,
    path: "",
    ...(fileName ? { file: fileName === root ? shown : fileName } : { file: shown }),
    ...(position ? { line: position.line + 1, column: position.character + 1 } : {}),
  };
}

/** Type-checks `file`; never throws for a bad file (its problems are diagnostics). */
export async function lintTypeScriptFile(file: string, io: Io): Promise<Diagnostic[]> {
  const absolute = path.resolve(io.cwd, file);
  const loaded = await loadTypeScript(path.dirname(absolute));
  if (loaded === undefined) {
    return [
      {
        code: "typescript",
        severity: "warning",
        message: "not type-checked: TypeScript is not installed",
        path: "",
        file,
        hint: "Install it in the pipeline's project (npm install --save-dev typescript) for sdk lint to type-check.",
      },
    ];
  }
  const { ts } = loaded;
  const tsconfig = ts.findConfigFile(path.dirname(absolute), (p) => io.exists(p), "tsconfig.json");
  let options = defaultOptions(ts);
  let roots: string[] = [absolute];
  const problems: TS.Diagnostic[] = [];
  if (tsconfig !== undefined) {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      tsconfig,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => problems.push(d),
      },
    );
    if (parsed) {
      options = parsed.options;
      // The project's global declarations (env.d.ts...) shape the types, as under tsc -p.
      roots = [absolute, ...parsed.fileNames.filter((f) => f.endsWith(".d.ts"))];
      // TS18003: no inputs in `include`; this file is the input.
      problems.push(...parsed.errors.filter((d) => d.code !== 18003));
    }
  }
  options = { ...options, noEmit: true };
  const program = ts.createProgram({ rootNames: roots, options, host: hostResolvingContrail(ts, options) });
  problems.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
  for (const source of program.getSourceFiles()) {
    if (!isUserFile(source.fileName)) continue;
    problems.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
  }
  return problems.map((d) => toDiagnostic(ts, d, absolute, file));
}
