/**
 * What get and put steps share: each is a step on a resource, named after it unless given
 * another name (`as`), and each is also the artifact it leaves in the build (the fetched
 * version; a put's implicit get), with typed handles to the files the resource writes.
 */
import { type Artifact, ArtifactPath } from "./artifact.ts";
import { Brand } from "./brand.ts";
import { Step, type StepOptions } from "./step.ts";
import type { ResourceLike } from "./synth-context.ts";

/** Files a resource writes on get, by a handle name (`{ tag: "tag" }`). */
export type FileMap = Readonly<Record<string, string>>;

/** A get or put step; also the artifact it produces. */
export abstract class ResourceStep<Files extends FileMap> extends Step implements Artifact {
  declare readonly [Brand.artifact]: true;
  static {
    // On the prototype, not each instance: one render builds tens of thousands of these.
    Object.defineProperty(ResourceStep.prototype, Brand.artifact, { value: true });
  }
  /** The resource fetched or pushed to. */
  readonly resource: ResourceLike;
  readonly #as: string | undefined;
  readonly #fileMap: Files | undefined;
  #files: { readonly [K in keyof Files]: ArtifactPath } | undefined;

  protected constructor(resource: ResourceLike, options: StepOptions & { readonly as?: string }, files: Files | undefined) {
    super(options);
    this.resource = resource;
    this.#as = options.as;
    this.#fileMap = files;
  }

  /** Handles to the files the resource writes, e.g. `tag.files.tag`. */
  get files(): { readonly [K in keyof Files]: ArtifactPath } {
    // Made when first asked for: a git get has fifteen, and most plans use none of them.
    if (this.#files === undefined) {
      const handles: Record<string, ArtifactPath> = {};
      for (const [key, path] of Object.entries(this.#fileMap ?? {})) handles[key] = new ArtifactPath(this, path);
      this.#files = handles as { readonly [K in keyof Files]: ArtifactPath };
    }
    return this.#files;
  }

  /** The step's name, which is the artifact's name. */
  get artifactName(): string {
    return this.#as ?? this.resource.name;
  }

  /** The step itself produces the artifact. */
  get producer(): object {
    return this;
  }

  /** A path inside the artifact. */
  file(path: string): ArtifactPath {
    return new ArtifactPath(this, path);
  }

  /** The step's first keys: `get:`/`put:` with its name, and `resource:` when they differ. */
  protected head(key: "get" | "put"): Record<string, unknown> {
    // Literal keys: V8 makes such an object from a template, a computed key at run time.
    const out: Record<string, unknown> = key === "get" ? { get: this.artifactName } : { put: this.artifactName };
    if (this.#as !== undefined && this.#as !== this.resource.name) out["resource"] = this.resource.name;
    return out;
  }
}
