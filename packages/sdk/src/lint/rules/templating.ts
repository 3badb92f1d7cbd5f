/**
 * Files that are templates, not pipelines: ytt (`#@` annotations), spruce (`(( grab x ))`
 * operators; Concourse vars allow no spaces) and Concourse's legacy `{{x}}` parameters, which
 * today's YAML parser reads as a flow mapping. Found in the text, so that the YAML and decode
 * errors such files cause come with an explanation.
 */

/** A templating finding at a source offset. */
export interface TemplatingProblem {
  readonly message: string;
  readonly offset: number;
  readonly hint: string;
}

const KINDS: ReadonlyArray<{ re: RegExp; what: (count: number, sample: string) => string; hint: string }> = [
  {
    re: /(?<=^|\s)#@/gm,
    what: (n) => `ytt template: ${n} \`#@\` annotation${n === 1 ? "" : "s"}; Concourse reads them as comments`,
    hint: "render it first (ytt -f template.yml > pipeline.yml), then lint the output",
  },
  {
    re: /(?<!\$)\(\(\s*(?:grab|concat|inject|param|static_ips|join|calc|cartesian-product|keys|vault|awsparam|awssecret|file|base64|defer|empty|ips|load|prune|sort|stringify|negate|shuffle|ask)\s[^()\n]*?\)\)/g,
    what: (n, s) => `spruce operator${n === 1 ? "" : "s"} (${n}, e.g. \`${s}\`); Concourse vars cannot contain spaces`,
    hint: "render it first with `spruce merge`, then lint the output",
  },
  {
    re: /\{\{([-\w\p{L}]+)\}\}/gu,
    what: (n, s) => `legacy \`{{x}}\` parameter${n === 1 ? "" : "s"} (${n}, e.g. \`${s}\`); YAML reads them as flow mappings`,
    hint: "replace `{{name}}` with `((name))`: legacy parameters were removed in Concourse v8",
  },
];

/** Reports, per kind of templating, the first occurrence and how many there are. */
export function templatingProblems(text: string): TemplatingProblem[] {
  const out: TemplatingProblem[] = [];
  if (!text.includes("#@") && !text.includes("((") && !text.includes("{{")) return out;
  for (const kind of KINDS) {
    kind.re.lastIndex = 0;
    let first: RegExpExecArray | undefined;
    let count = 0;
    for (const m of text.matchAll(kind.re)) {
      first ??= m;
      count++;
    }
    if (first) {
      const offset = (first.index ?? 0) + (first[0].length - first[0].trimStart().length);
      out.push({ message: kind.what(count, first[0].trim()), offset, hint: kind.hint });
    }
  }
  return out;
}
