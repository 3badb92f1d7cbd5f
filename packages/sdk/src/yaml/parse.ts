/**
 * Stage 1 of `sdk lint` (and of import, diff, vars and graph): YAML. Reads the first
 * document, applies the checks of fly's go.yaml.in/yaml/v3 pre-check (duplicate keys at any
 * depth, syntax, a mapping at the top) and reads scalars, keys, anchors and `<<` merges the
 * way go-yaml v2 does.
 *
 * Two readers give the same result: a fast single-pass reader for the YAML that pipelines
 * are written in, and the `yaml` package for everything else (it runs whenever the fast
 * reader is not sure, so errors and odd inputs read as they always did).
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/fly/commands/internal/templatehelpers/yaml_template.go
 */
import { readFast } from "./fast-reader.ts";
import { LineIndex } from "./line-index.ts";
import type { ParsedYaml } from "./parsed.ts";
import { readWithYamlPackage } from "./yaml-package-reader.ts";

export type { ParsedYaml, YamlProblem } from "./parsed.ts";
export { TOO_DEEP } from "./yaml-package-reader.ts";

/**
 * Parses YAML (or JSON) text. Never throws: problems are returned with their offsets.
 * Only the first document is read, as go-yaml does.
 */
export function parseYaml(text: string): ParsedYaml {
  const lines = new LineIndex(text);
  return readFast(text, lines) ?? readWithYamlPackage(text, lines);
}
