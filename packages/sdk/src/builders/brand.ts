/**
 * Identity checks that survive two copies of contrail in one workspace: a user's
 * pipeline.ts may resolve `contrail` to another copy than the CLI's, so `instanceof` alone
 * is not enough. Each builder kind carries a `Symbol.for` brand.
 */

/** The brands of contrail's builder kinds. */
export const Brand = {
  pipeline: Symbol.for("contrail.Pipeline"),
  job: Symbol.for("contrail.Job"),
  resource: Symbol.for("contrail.Resource"),
  resourceType: Symbol.for("contrail.ResourceType"),
  step: Symbol.for("contrail.Step"),
  artifact: Symbol.for("contrail.Artifact"),
  artifactPath: Symbol.for("contrail.ArtifactPath"),
  localVar: Symbol.for("contrail.LocalVar"),
  /** A value computed at render, with access to the job's scope (`resolveWith(ctx)`). */
  resolvable: Symbol.for("contrail.Resolvable"),
} as const;

/** True when `value` is an object carrying `brand`. */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
