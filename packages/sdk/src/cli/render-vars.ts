/**
 * `sdk render` with fly's var flags. The vars are checked the way `fly set-pipeline` with the
 * same flags would fill them in (what Concourse then says of the result is reported), but the
 * rendered output keeps its `((vars))` unless `--vars-inline` asks for the values: secrets
 * must not land in a rendered file by accident.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ConcourseVersion } from "../lint/concourse-version.ts";
import { lintConfig } from "../lint/index.ts";
import type { PipelineConfig } from "../model/index.ts";
import { generatedHeader } from "../render/header.ts";
import type { RenderFormat } from "../render/render.ts";
import { toJson } from "../render/to-json.ts";
import { toYaml } from "../render/to-yaml.ts";
import { interpolateConfig } from "../vars/config.ts";
import type { VarSources } from "../vars/sources.ts";

/** What rendering with vars found, and the text with the vars filled in when asked. */
export interface RenderedWithVars {
  readonly diagnostics: readonly Diagnostic[];
  /** The pipeline with the vars' values in it (`--vars-inline`); undefined otherwise or on errors. */
  readonly inlined: string | undefined;
}

/** Fills the vars into a rendered config, checks the result, and renders it when `inline`. */
export function renderWithVars(
  config: PipelineConfig,
  sources: VarSources,
  options: {
    readonly inline: boolean;
    readonly format: RenderFormat;
    readonly sourceFile: string;
    readonly concourse?: ConcourseVersion | undefined;
  },
): RenderedWithVars {
  const result = interpolateConfig(config, sources);
  const diagnostics: Diagnostic[] = result.problems.map((p) => ({
    code: "var-interpolation",
    severity: "error",
    message: p.message,
    path: "",
  }));
  if (diagnostics.length === 0) {
    // Only what the vars change: the config was checked as written already.
    const before = new Set(lintConfig(config, { concourse: options.concourse }).map((d) => `${d.code} ${d.path} ${d.message}`));
    for (const d of lintConfig(result.config, { concourse: options.concourse })) {
      if (!before.has(`${d.code} ${d.path} ${d.message}`)) diagnostics.push({ ...d, hint: d.hint ?? "with the given vars filled in" });
    }
  }
  if (!options.inline || diagnostics.some((d) => d.severity === "error")) return { diagnostics, inlined: undefined };
  const inlined =
    options.format === "json" ? toJson(result.config) : toYaml(result.config, { header: generatedHeader(options.sourceFile) });
  return { diagnostics, inlined };
}
