/**
 * What builder options accept in place of plain values: inside `source`, `params` and
 * `vars`, any string may also be an artifact handle, an artifact path or a local var;
 * render turns them into names and `((.:var))` after checking them.
 */
import type { Artifact, ArtifactPath } from "./artifact.ts";
import type { LocalVar, VarRef } from "./vars.ts";

/** A handle that renders to a string. */
export type StringHandle = Artifact | ArtifactPath | LocalVar;

/**
 * `T` with every string, number and boolean position also accepting handles and `((var))`
 * strings (Concourse fills whole values too, so a var fits a field typed as an enum, a
 * number or a list).
 */
export type Input<T> = T extends string
  ? T | StringHandle | VarRef
  : T extends number | boolean
    ? T | LocalVar | VarRef | `((${string}))`
    : T extends readonly (infer U)[]
      ? readonly Input<U>[] | VarRef
      : T extends object
        ? { [K in keyof T]: Input<T[K]> }
        : T;

/** A free-form mapping whose values may hold handles. */
export type InputMap = { readonly [key: string]: unknown };
