/**
 * Safe reads of decoded config values. The validator runs on anything a caller hands it
 * (`lintConfig` takes a typed config, but a JavaScript caller can pass any shape), so every
 * read checks its type instead of trusting it.
 */

/** A mapping. */
export type Obj = Record<string, unknown>;

/** The value as a mapping, if it is one. */
export function obj(value: unknown): Obj | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The value as an array (empty when it is not one). */
export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a string; Go's zero value `""` when it is not one. */
export function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The value as a number; Go's zero value 0 when it is not one. */
export function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/** Go's `%+q` of a string slice, as in `unknown fields ["a" "b"]`. */
export function goStringSlice(items: readonly string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(" ")}]`;
}
