/**
 * The `load_var` step: reads a file of an artifact into the local var `((.:name))`.
 * @see https://concourse-ci.org/load-var-step.html
 */
import type { ArtifactPath } from "./artifact.ts";
import { Brand } from "./brand.ts";
import { Step, type StepOptions } from "./step.ts";
import type { JobContext } from "./synth-context.ts";
import type { LocalVar } from "./vars.ts";

/** Options of a load_var step. */
export interface LoadVarOptions extends StepOptions {
  /** How to parse the file. @default from the file's extension, else "trim" */
  readonly format?: "raw" | "trim" | "yml" | "yaml" | "json";
  /** Show the value in build logs. @default false */
  readonly reveal?: boolean;
}

/** A load_var step; also the local var it defines. */
export class LoadVarStep extends Step implements LocalVar {
  declare readonly [Brand.localVar]: true;
  /** The var's name. */
  readonly varName: string;
  /** The file read. */
  readonly file: ArtifactPath | string;
  readonly #options: LoadVarOptions;

  constructor(name: string, file: ArtifactPath | string, options: LoadVarOptions = {}) {
    super(options);
    this.varName = name;
    this.file = file;
    this.#options = options;
    Object.defineProperty(this, Brand.localVar, { value: true });
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
 * or in a template literal (`` `v${version}` ``): both render `((.:name))`.
 *
 * @example
 * const rubyVersion = loadVar("ruby_version", tag.files.tag);
 */
export function loadVar(name: string, file: ArtifactPath | string, options?: LoadVarOptions): LoadVarStep {
  return new LoadVarStep(name, file, options);
}
