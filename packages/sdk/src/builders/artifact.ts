/**
 * Artifacts: the directories steps hand to each other within a build (a get's checkout, a
 * task's output, a put's implicit get). In contrail they are handles, not names: a task
 * input is the get step itself, a put param is `build.outputs.image.file("image.tar")`.
 * Names appear only at render, which checks that the producer ran earlier in the job.
 *
 * @see https://concourse-ci.org/tasks.html#schema.task-config.inputs
 */
import { copySite } from "../diagnostics/source-site.ts";
import { Brand } from "./brand.ts";

/** Something that produces an artifact: a get, a put, or a task output. */
export interface Artifact {
  readonly [Brand.artifact]: true;
  /** The artifact's name in the build (the get's name, the output's name...). */
  readonly artifactName: string;
  /**
   * The step whose placement in a plan makes this artifact available. Render checks
   * that it is placed earlier in the same job.
   */
  readonly producer: object;
  /** A path inside the artifact, e.g. `tag.file("tag")` renders as `ruby-img-tag/tag`. */
  file(path: string): ArtifactPath;
}

/** A path inside an artifact; renders as `<artifact>/<path>`. */
export class ArtifactPath {
  declare readonly [Brand.artifactPath]: true;
  static {
    // On the prototype, not each instance: one render builds tens of thousands of these.
    Object.defineProperty(ArtifactPath.prototype, Brand.artifactPath, { value: true });
  }
  /** The artifact the path is in. */
  readonly artifact: Artifact;
  /** The path inside the artifact, without a leading `./`. */
  readonly path: string;

  constructor(artifact: Artifact, path: string) {
    this.artifact = artifact;
    // Most paths start with neither `./` nor `/`: no expression runs for them.
    this.path = path.startsWith("./") || path.startsWith("/") ? path.replace(/^\.\/+/, "").replace(/^\/+/, "") : path;
  }

  /** A path further inside: `src.file("ci").file("unit.yml")`. */
  file(path: string): ArtifactPath {
    return new ArtifactPath(this.artifact, `${this.path}/${path}`);
  }

  /** The rendered path, `<artifact>/<path>`. */
  toString(): string {
    return this.path === "" || this.path === "." ? this.artifact.artifactName : `${this.artifact.artifactName}/${this.path}`;
  }
}

/**
 * Makes an artifact handle for a producer step. `name` may change until render (a get's
 * alias), so it is read through a function.
 */
export function makeArtifact(producer: object, name: () => string): Artifact {
  const artifact: Artifact = {
    [Brand.artifact]: true,
    get artifactName() {
      return name();
    },
    producer,
    file: (path: string) => new ArtifactPath(artifact, path),
  };
  // The handle is made where its producer is: a diagnostic about it points there.
  copySite(artifact, producer);
  return artifact;
}
