/**
 * Every diagnostic code `sdk lint` can report, with its default severity and where it comes
 * from. Codes are public API: never renamed. Documented in docs/lint-rules.md.
 */

import { RESOURCE_CODES } from "../resources/codes.ts";

/** Where a rule comes from. */
export type RuleOrigin = "yaml" | "decode" | "validate" | "contrail" | "resource" | "render" | "typescript" | "vars";

/** A rule's metadata. */
export interface RuleInfo {
  readonly severity: "error" | "warning";
  readonly origin: RuleOrigin;
  /** One line, for `--format sarif` and the docs. */
  readonly description: string;
}

const e = (origin: RuleOrigin, description: string): RuleInfo => ({ severity: "error", origin, description });
const w = (origin: RuleOrigin, description: string): RuleInfo => ({ severity: "warning", origin, description });

/** All codes. */
export const RULES: Readonly<Record<string, RuleInfo>> = {
  // The typed resource catalogue's rules: warnings in lint, since Concourse accepts the
  // pipeline and only the resource's first check, get or put fails.
  ...Object.fromEntries(Object.entries(RESOURCE_CODES).map(([code, description]) => [code, w("resource", description)])),
  "yaml-syntax": e("yaml", "The file is not valid YAML (syntax, tabs, unknown anchor, bad merge, invalid UTF-8, excessive aliasing)."),
  "yaml-duplicate-key": e("yaml", "A mapping key appears twice (fly's yaml.v3 pre-check)."),
  "yaml-invalid-key": e("yaml", "A mapping key is a mapping, a list or null (often a `{{x}}` template)."),
  "yaml-top-level": e("yaml", "The document is not a mapping."),
  "yaml-multiple-documents": w("yaml", "The file holds a second YAML document, which Concourse ignores with everything after it."),
  "decode-error": e("decode", "Concourse cannot decode the config into its structs (wrong type, unknown field, no step)."),
  "unknown-top-level-key": w("decode", "A top-level key Concourse does not know; the server drops it silently."),
  "empty-identifier": e("validate", "A name that must be an identifier is empty."),
  "invalid-identifier": w("validate", "A name breaks Concourse's identifier rules."),
  "invalid-glob": e("validate", "A group's job glob does not compile."),
  "group-matches-no-job": e("validate", "A group's job glob matches no job."),
  "group-unknown-resource": e("validate", "A group lists a resource that does not exist."),
  "duplicate-name": e("validate", "Two groups, resources, resource types, prototypes, var sources or jobs share a name."),
  "job-without-group": e("validate", "Groups are used but a job belongs to none."),
  "missing-name": e("validate", "A resource, resource type, prototype or job has no name."),
  "missing-type": e("validate", "A resource, resource type or prototype has no type."),
  "unused-resource": e("validate", "No get or put step uses the resource."),
  "unknown-var-source-type": e("validate", "A var source has an unknown credential manager type."),
  "unsupported-var-source-type": e("validate", "A var source type that pipelines cannot use yet."),
  "invalid-var-source": e("validate", "A var source's config is rejected by its credential manager."),
  "var-source-dependency": e("validate", "Var sources reference missing sources or each other in a cycle."),
  "no-jobs": e("validate", "The pipeline has no job."),
  "deprecated-build-logs-to-retain": w("validate", "`build_logs_to_retain` is deprecated in favour of `build_log_retention`."),
  "invalid-build-log-retention": e("validate", "Negative or contradictory build log retention settings."),
  "passed-cycle": e("validate", "`passed` constraints form a cycle."),
  "unknown-fields": e("validate", "A step, an inline task config or a task file has keys Concourse does not know."),
  "task-file-or-config": e("validate", "A task step needs exactly one of `file:` and `config:`."),
  "task-image-conflict": w("validate", "A task step's `image:` overrides the image of its config."),
  "task-hermetic": w("validate", "`hermetic:` only works on the containerd runtime."),
  "invalid-task-config": e("validate", "A task config (inline or a file) misses its platform or an input/output name."),
  "repeated-get-name": e("validate", "Two get steps of one job have the same name."),
  "unknown-resource": e("validate", "A get or put step uses a resource that does not exist."),
  "passed-job-no-resource": e("validate", "A `passed` job does not get or put the resource."),
  "passed-no-matching-job": e("validate", "A `passed` entry matches no job."),
  "passed-unknown-job": e("validate", "A `passed` entry names no job (Concourse before v8.1, exact names)."),
  "across-not-enabled": e("validate", "An across step on Concourse v7, whose web node needs `--enable-across-step`."),
  "unknown-prototype": e("validate", "A run step uses a prototype that does not exist."),
  "missing-file": e("validate", "A set_pipeline or load_var step has no `file:`."),
  "across-no-vars": e("validate", "An across step has no vars."),
  "across-max-in-flight": e("validate", "An across var's `max_in_flight` is not positive."),
  "repeated-var-name": e("validate", "A local var is declared twice in one scope."),
  "shadowed-var": w("validate", "A local var shadows one of an outer scope."),
  "invalid-duration": e("validate", "A `timeout` modifier is not a Go duration."),
  "invalid-attempts": e("validate", "`attempts` is not positive."),
  "invalid-display": e("validate", "`display.background_image` is not an http, https or relative URL."),
  "unknown-artifact": w("contrail", "A step reads an artifact that no earlier step produced."),
  "task-file-not-found": w("contrail", "A file task's task file is not in the folder its artifact is mapped to."),
  "task-param-not-declared": w("contrail", "A file task's step passes a param its task file does not declare."),
  "task-var-unused": w("contrail", "A file task's step gives a var its task file never uses."),
  "task-var-not-given": w("contrail", "A task file uses a ((var)) that its step's vars do not give."),
  "task-run-path-not-found": w("contrail", "A task file's run.path is not in the mapped input it points into."),
  "undefined-local-var": w("contrail", "`((.:x))` is used outside the load_var or across that defines it."),
  "unused-resource-type": w("contrail", "No resource or resource type uses the resource type."),
  "plaintext-credential": w("contrail", "A credential field holds a literal value instead of a `((var))`."),
  "oci-build-privileged": w("contrail", "oci-build-task needs `privileged: true`."),
  "deprecated-aggregate": w("contrail", "The `aggregate` step was removed; use `in_parallel`."),
  "deprecated-docker-image": w("contrail", "The `docker-image` resource type is deprecated; use `registry-image`."),
  "var-flag": e("vars", "A `-v`/`-y`/`-i` flag is malformed (no `=`, a bad name, bad YAML)."),
  "vars-file": e("vars", "A `-l` vars file cannot be read, or is not a YAML mapping."),
  "var-interpolation": e("vars", "fly cannot interpolate a given var (a map embedded in a string, a missing field)."),
  "var-type": e("vars", "A var's value (at its line in the vars file) has the wrong type for the field it fills."),
  "unsupplied-var": w("vars", "A `((source:var))` names a var source the pipeline does not declare: nothing can supply it."),
  templating: w("contrail", "The file is a template (ytt, spruce, legacy `{{x}}`) that must be rendered first."),
  typescript: e("typescript", "A type error in a TypeScript pipeline file."),
  // Checks of the builders' object references, made while rendering a pipeline.ts.
  "load-error": e("render", "A TypeScript pipeline file could not be loaded (it throws, or exports no pipeline)."),
  "not-a-step": e("render", "Something that is not a contrail step (a plain object, say) stands where a step belongs."),
  "artifact-not-produced": e("render", "An artifact handle is used before, or without, the step that produces it."),
  "local-var-out-of-scope": e("render", "A loadVar or acrossVar is used outside the scope of the step that defines it."),
  "passed-job-not-in-pipeline": e("render", "A Job in passed: is not one of the pipeline's jobs."),
  "duplicate-resource-name": e("render", "Two different resources share one name."),
  "duplicate-resource-type-name": e("render", "Two different resource types share one name."),
  "duplicate-job-name": e("render", "Two jobs share one name, or a job is listed twice."),
  "group-job-not-in-pipeline": e("render", "A group lists a Job that is not in the pipeline."),
  "handle-outside-job": e("render", "An artifact or local var is used outside a job."),
  "invalid-max-in-flight": e("render", "An across var's max_in_flight is not a positive number or 'all'."),
  "unsupported-value": e("render", "A value YAML cannot carry (a function, a class instance, Infinity)."),
  "invalid-config": e(
    "render",
    "A value given through an escape hatch does not match the model's schema, or a builder option has the wrong kind.",
  ),
  "task-declaration-drift": e("render", "A defineTask declaration no longer matches its task file on disk."),
};

/** Per-code severity overrides (`--rule CODE=off|warning|error`). */
export type RuleSettings = Readonly<Record<string, "off" | "warning" | "error">>;
