/**
 * What every YAML file contrail lints goes through first (a pipeline or a task file): YAML
 * reading with fly's pre-checks, the ±Inf/NaN check of the YAML-to-JSON conversion, templating
 * detection, and diagnostics with positions and paths.
 */
import { type Diagnostic, formatPath } from "../diagnostics/diagnostic.ts";
import { type ParsedYaml, parseYaml } from "../yaml/parse.ts";
import type { YMap } from "../yaml/ynode.ts";
import { type ConcourseVersion, formatVersion, LATEST_CONCOURSE, supports } from "./concourse-version.ts";
import type { DecodeState } from "./decode/context.ts";
import { type Locator, makeLocator } from "./locate.ts";
import { pathAtOffset } from "./node-path.ts";
import { templatingProblems } from "./rules/templating.ts";

/** A file read up to the decode stage. */
export interface FrontEnd {
  readonly parsed: ParsedYaml;
  /** The top-level mapping, when the document is one. */
  readonly root: YMap | undefined;
  /** The decode state whose node index the locator reads. */
  readonly state: DecodeState;
  readonly locator: Locator;
  /** YAML-stage problems; when any is an error, decoding must not run. */
  readonly diagnostics: Diagnostic[];
  /** Templating warnings, to append after the other stages. */
  readonly templating: Diagnostic[];
  /** A diagnostic at a source offset; its path is the node's there unless given. */
  diag(code: string, severity: "error" | "warning", message: string, offset: number, path?: string, hint?: string): Diagnostic;
}

/**
 * Reads `text` (named `file` on diagnostics) as Concourse `version` (the newest by default)
 * would. Never throws.
 */
export function readYamlFile(text: string, file: string | undefined, version?: ConcourseVersion): FrontEnd {
  const parsed = parseYaml(text);
  const root = parsed.root?.kind === "map" ? parsed.root : undefined;
  const state: DecodeState = { nodes: new WeakMap(), version };
  const locator = makeLocator(parsed, state, root);
  const diag = (code: string, severity: "error" | "warning", message: string, offset: number, path = "", hint?: string): Diagnostic => ({
    code,
    severity,
    message,
    // Diagnostics that only know their offset (YAML and decode errors) get the path of the
    // node there, so that every diagnostic has one.
    path: path || formatPath(pathAtOffset(parsed.root, offset)),
    ...(file !== undefined ? { file } : {}),
    ...locator.at(offset),
    ...(hint !== undefined ? { hint } : {}),
  });
  // v7 fly had no duplicate-key pre-check: its go-yaml v2 pass kept the last value.
  const dupesAllowed = !supports(version, "duplicateKeyPrecheck");
  const diagnostics: Diagnostic[] = parsed.problems.map((p) =>
    dupesAllowed && p.code === "yaml-duplicate-key"
      ? diag(p.code, "warning", `${p.message}; Concourse ${formatVersion(version ?? LATEST_CONCOURSE)} keeps the last value`, p.offset)
      : diag(p.code, "error", p.message, p.offset),
  );
  const first = diagnostics.some((d) => d.severity === "error") ? undefined : parsed.nonFinite[0];
  if (first) {
    const value = typeof first.value === "number" && Number.isNaN(first.value) ? "NaN" : Number(first.value) > 0 ? "+Inf" : "-Inf";
    diagnostics.push(
      diag(
        "decode-error",
        "error",
        `error converting YAML to JSON: json: unsupported value: ${value}`,
        first.offset,
        "",
        "quote the value",
      ),
    );
  }
  if (parsed.laterDocument !== undefined) {
    diagnostics.push(
      diag(
        "yaml-multiple-documents",
        "warning",
        "the file holds more than one YAML document: Concourse reads only the first and ignores the rest",
        parsed.laterDocument,
        "",
        "put each pipeline in its own file, or remove the '---' and what follows",
      ),
    );
  }
  const templating = templatingProblems(text).map((t) => diag("templating", "warning", t.message, t.offset, "", t.hint));
  return { parsed, root, state, locator, diagnostics, templating, diag };
}
