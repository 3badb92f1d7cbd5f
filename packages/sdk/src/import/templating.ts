/**
 * Input that is not plain Concourse YAML: ytt templates (`#@` annotations), Concourse's
 * legacy `{{x}}` params, spruce operators (`(( grab x ))`) and files of several YAML
 * documents. Each is found with its line, so that the import can refuse it clearly.
 */
import { yamlPackage } from "../yaml/yaml-package.ts";

/** One templating construct found in the text. */
export interface TemplatingFinding {
  /** `ytt`, `legacy-params`, `spruce` or `multiple-documents`. */
  readonly construct: "ytt" | "legacy-params" | "spruce" | "multiple-documents";
  /** 1-based line. */
  readonly line: number;
  /** The text found. */
  readonly text: string;
}

const YTT = /(^|\s)(#@.*)$/;
const LEGACY = /\{\{[^{}\n]*\}\}/;
const SPRUCE = /(?<!\$)\(\(\s+[^()\n]*\)\)/;

/** Every construct found, at most one per construct and line, in line order. */
export function findTemplating(text: string): TemplatingFinding[] {
  const found: TemplatingFinding[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const ytt = YTT.exec(raw);
    if (ytt) found.push({ construct: "ytt", line, text: (ytt[2] ?? "").trim() });
    if (/^\s*#/.test(raw)) return;
    const legacy = LEGACY.exec(raw);
    if (legacy) found.push({ construct: "legacy-params", line, text: legacy[0] });
    const spruce = SPRUCE.exec(raw);
    if (spruce) found.push({ construct: "spruce", line, text: spruce[0] });
  });
  // Parsing every document is costly: only when a separator follows some content. (A
  // single regular expression for this backtracks quadratically on large files.)
  const docs = separatorAfterContent(text) ? yamlPackage().parseAllDocuments(text) : [];
  if (Array.isArray(docs)) {
    const filled = docs.filter((d) => d.contents !== null);
    const second = filled[1];
    if (second) {
      const offset = second.range[0];
      const line = text.slice(0, offset).split("\n").length;
      found.push({ construct: "multiple-documents", line, text: `${filled.length} YAML documents` });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** True when a `---` or `...` line comes after some non-blank text. */
function separatorAfterContent(text: string): boolean {
  const firstContent = text.search(/\S/);
  if (firstContent < 0) return false;
  for (const match of text.matchAll(/^(?:---|\.\.\.)(?:[ \t]|$)/gm)) {
    if (match.index > firstContent) return true;
  }
  return false;
}

/** What each construct is, for messages. */
export const CONSTRUCT_NAMES: Readonly<Record<TemplatingFinding["construct"], string>> = {
  ytt: "a ytt annotation (#@)",
  "legacy-params": "a legacy {{param}} (Concourse before 3.x)",
  spruce: "a spruce operator (( ... ))",
  "multiple-documents": "several YAML documents",
};

/**
 * Makes legacy `{{x}}` params that stand as whole values parse as the strings they were
 * written as (YAML would read them as nested flow mappings), for `--force`.
 */
export function quoteLegacyParams(text: string): string {
  return text.replace(/^(\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?|\s*-\s+)(\{\{[^{}\n]*\}\})(\s*)$/gm, "$1'$2'$3");
}
