/**
 * The `load_var` step: reads a file of an artifact into the local var `((.:name))`.
 * @see https://concourse-ci.org/load-var-step.html
 */

import { onUsersBehalf } from "../diagnostics/source-site.ts";
import type { ArtifactPath } from "./artifact.ts";
import { Brand } from "./brand.ts";
import { type LocalVarFields, localVarFields } from "./local-var-fields.ts";
import { Step, type StepOptions } from "./step.ts";
import type { JobContext } from "./synth-context.ts";
import { type LocalVar, noteLocalVarName } from "./vars.ts";

/** Options of a load_var step. */
export interface LoadVarOptions extends StepOptions {
  /** How to parse the file. @default from the file's extension, else "trim" */
  readonly format?: "raw" | "trim" | "yml" | "yaml" | "json";
  /** Show the value in build logs. @default false */
  readonly reveal?: boolean;
}

/** The formats whose value is a structure, so that the var has fields. */
export type StructuredFormat = "json" | "yml" | "yaml";

/**
 * A load_var step; also the local var it defines. `Value` is the shape of the file's
 * content for a JSON or YAML file, whose fields are then `fields.name`.
 */
export class LoadVarStep<Value = never> extends Step implements LocalVar {
  declare readonly [Brand.localVar]: true;
  /** The var's name. */
  readonly varName: string;
  /** The file read. */
  readonly file: ArtifactPath | string;
  /**
   * The fields of the value, typed by `Value`: `build.fields.version` renders
   * `((.:build.version))`, scope-checked like the var.
   * @see https://concourse-ci.org/vars.html#var-syntax
   */
  readonly fields: LocalVarFields<Value>;
  readonly #options: LoadVarOptions;

  constructor(name: string, file: ArtifactPath | string, options: LoadVarOptions = {}) {
    super(options);
    this.varName = name;
    this.file = file;
    this.#options = options;
    this.fields = localVarFields<Value>(this);
    Object.defineProperty(this, Brand.localVar, { value: true });
    noteLocalVarName(name);
  }

  /** `((.:name))`. */
  override toString(): string {
    return `((.:${this.varName}))`;
  }

  protected synthCore(ctx: JobContext): Record<string, unknown> {
    const out: Record<string, unknown> = { load_var: this.varName, file: ctx.at("file").resolve(this.file) };
    if (this.#options.format !== undefined) out["format"] = this.#options.format;
    if (this.#options.reveal !== undefined) out["reveal"] = this.#options.reveal;
    ctx.scope.add(this);
    return out;
  }
}

/**
 * A load_var step. Place it in the plan, then use it as a value (`params: { V: version }`)
 * or in a template literal (`` `v${version}` ``): both render `((.:name))`, and both are
 * errors at render when used outside the job's plan after this step.
 *
 * For a JSON or YAML file, give the shape of its content as a type parameter with
 * `format: "json"` (or `"yaml"`): its fields are then typed, `build.fields.git.sha`
 * rendering `((.:build.git.sha))`; a misspelt field does not compile.
 *
 * @example
 * const rubyVersion = loadVar("ruby_version", tag.files.tag);
 * @example
 * const build = loadVar<{ version: string; git: { sha: string } }>("build", meta.file("build.json"), { format: "json" });
 * new Task("tag", { params: { VERSION: build.fields.version, SHA: build.fields.git.sha }, ... })
 * @see https://concourse-ci.org/load-var-step.html
 */
export function loadVar<Value = never>(
  name: string,
  file: ArtifactPath | string,
  ...options: [Value] extends [never] ? [options?: LoadVarOptions] : [options: LoadVarOptions & { readonly format: StructuredFormat }]
): LoadVarStep<Value> {
  return onUsersBehalf(loadVar, () => new LoadVarStep<Value>(name, file, options[0]));
}
