/**
 * The builders' typed options are right by construction in TypeScript, but a pipeline.ts
 * runs without a type-check (and plain JavaScript has none): `serial: "yes"` would render
 * a job Concourse refuses (`cannot unmarshal string into bool`). Render no longer parses
 * the whole config through the model (see render/escape-hatch-check.ts), so each builder
 * checks the kinds of the scalar options it copies, at the cost of a few `typeof`s.
 */
import type { PathSegment } from "../diagnostics/diagnostic.ts";
import type { SynthContext } from "./synth-context.ts";

/** The kind an option's rendered value must have. */
export type OptionKind = "boolean" | "integer" | "string" | "strings";

/** Expected kinds by rendered key. */
export type OptionKinds = Readonly<Record<string, OptionKind>>;

function fits(value: unknown, kind: OptionKind): boolean {
  switch (kind) {
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
    case "string":
      return typeof value === "string";
    case "strings":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
  }
}

function described(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string"
    ? `the string '${value}'`
    : `${typeof value === "object" ? "an object" : `the ${typeof value} ${String(value)}`}`;
}

const EXPECTED: Readonly<Record<OptionKind, string>> = {
  boolean: "a boolean",
  integer: "a whole number",
  string: "a string",
  strings: "a list of strings",
};

/**
 * A copy of a list option; anything else as it is, so that {@link checkOptionKinds} sees
 * it (spreading a string would make a list of its characters).
 */
export function copyList<T>(value: readonly T[]): T[] {
  return Array.isArray(value) ? [...value] : (value as unknown as T[]);
}

/** Reports each key of `rendered` listed in `kinds` whose value is not of its kind. */
export function checkOptionKinds(
  ctx: SynthContext,
  path: readonly PathSegment[],
  rendered: Record<string, unknown>,
  kinds: OptionKinds,
): void {
  for (const key in kinds) {
    const value = rendered[key];
    const kind = kinds[key] as OptionKind;
    if (value === undefined || fits(value, kind)) continue;
    ctx.report(
      "error",
      "invalid-config",
      [...path, key],
      `${key} must be ${EXPECTED[kind]}, not ${described(value)}`,
      "The option's type is wrong: run `sdk lint pipeline.ts` (or tsc) to see the type error.",
    );
  }
}
