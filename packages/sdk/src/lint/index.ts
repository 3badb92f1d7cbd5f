/**
 * `sdk lint` as a library: judge a pipeline as Concourse does (YAML, decode, validate, with
 * Concourse's own messages), then catch what Concourse cannot.
 *
 * @see https://concourse-ci.org/pipelines.html
 */
export { RULES, type RuleInfo, type RuleOrigin, type RuleSettings } from "./codes.ts";
export { type LintOptions, lintConfig } from "./lint-config.ts";
export { DECODE_PREFIX, type LintResult, lintYaml } from "./lint-yaml.ts";
