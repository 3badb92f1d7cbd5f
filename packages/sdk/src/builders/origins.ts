/**
 * The builder object rendered at each path of the config, so that a diagnostic's path
 * leads back to the user's code that made it (see `locate.ts`). Recorded for every step,
 * job and resource, but needed only when there is a diagnostic: paths are kept as the
 * segment arrays the render already has, and formatted into a map on the first lookup.
 */
import { formatPath, type PathSegment } from "../diagnostics/diagnostic.ts";

/** Builder objects by the path they rendered at; the empty path is the pipeline. */
export class Origins {
  readonly #paths: (readonly PathSegment[])[] = [];
  readonly #objects: object[] = [];
  #byPath: Map<string, object> | undefined;

  /** Records that `origin` rendered at `path` (a later record of the same path wins). */
  record(path: readonly PathSegment[], origin: object): void {
    this.#paths.push(path);
    this.#objects.push(origin);
    this.#byPath = undefined;
  }

  /** The object rendered exactly at the formatted `path`. */
  get(path: string): object | undefined {
    if (this.#byPath === undefined) {
      this.#byPath = new Map();
      for (const [i, segments] of this.#paths.entries()) this.#byPath.set(formatPath(segments), this.#objects[i] as object);
    }
    return this.#byPath.get(path);
  }
}
