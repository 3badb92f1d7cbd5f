/**
 * `sdk import`: existing pipeline YAML to idiomatic contrail TypeScript that renders back
 * to the same pipeline.
 *
 * @example
 * const { source, diagnostics } = await importPipeline(readFileSync("pipeline.yml", "utf8"), { file: "pipeline.yml" });
 */

import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import type { TaskFileSource } from "../task-file/source.ts";
import { ImportContext } from "./context.ts";
import { CONTRAIL_EXPORTS, emitPipeline } from "./emit-pipeline.ts";
import { loadPipelineYaml } from "./load.ts";
import { CONSTRUCT_NAMES, findTemplating, quoteLegacyParams } from "./templating.ts";

/** Options of {@link importPipeline}. */
export interface ImportOptions {
  /** The file the YAML came from, for diagnostics and the generated header. */
  readonly file?: string;
  /** Import templated input (ytt, `{{x}}`, spruce, several documents) with its text kept as it is, with warnings. */
  readonly force?: boolean;
  /**
   * Task files by the artifacts' local folders (`--artifact`): each task step whose file
   * is read becomes a typed `FileTask`, with a `defineTask` declaration of the file.
   */
  readonly taskFiles?: TaskFileSource;
  /**
   * The artifacts' folders relative to where the generated file goes, written as its
   * Pipeline's `artifacts` when some file task was typed, so that `sdk render` compares
   * the declarations with their files without `--artifact`.
   */
  readonly artifactFolders?: Readonly<Record<string, string>>;
}

/** What {@link importPipeline} returns. */
export interface ImportResult {
  /** The generated TypeScript; empty when there are errors. */
  readonly source: string;
  /** Problems and notes. Errors mean there is no source. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Turns pipeline YAML into a contrail `pipeline.ts`. Templated input is refused with one
 * error per construct (with its line), unless `force` is set.
 */
export async function importPipeline(yamlText: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { file, force = false } = options;
  const diagnostics: Diagnostic[] = [];
  const findings = findTemplating(yamlText);
  for (const f of findings) {
    diagnostics.push({
      code: `import-${f.construct}`,
      severity: force ? "warning" : "error",
      message: `${CONSTRUCT_NAMES[f.construct]} is not plain Concourse YAML: '${f.text}'${force ? "; imported with its text kept as it is" : ""}`,
      path: "",
      file,
      line: f.line,
      hint: force
        ? undefined
        : "Render the template first (e.g. ytt, spruce merge, or fly's old {{}} params as ((vars))), or pass --force to keep the text as it is.",
    });
  }
  if (hasErrors(diagnostics)) return { source: "", diagnostics };
  const text = force && findings.some((f) => f.construct === "legacy-params") ? quoteLegacyParams(yamlText) : yamlText;
  const loaded = loadPipelineYaml(text, file);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.value) return { source: "", diagnostics };
  // Every export of contrail is reserved, so no generated const shadows one (`vars`...).
  const contrail = await import("../index.ts");
  const ctx = new ImportContext(file, [...CONTRAIL_EXPORTS, ...Object.keys(contrail)], options.taskFiles, options.artifactFolders);
  const source = await emitPipeline(ctx, loaded.value, loaded.anchors);
  diagnostics.push(...ctx.diagnostics);
  return { source, diagnostics };
}
