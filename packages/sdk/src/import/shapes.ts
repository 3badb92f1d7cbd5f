/**
 * Just enough of TypeScript types to know whether YAML values, written as the importer
 * writes them, fit a typed option (task container limits, pinned versions). Typed
 * resources are asked of the catalogue itself (see catalogue.ts).
 */
import type { JsonValue } from "../model/common.ts";

/** The TypeScript type of a field, as far as the importer needs it. */
export type Shape =
  | "string"
  | "number"
  | "boolean"
  | "strings"
  | "stringMap"
  | { readonly enum: readonly string[] }
  | { readonly oneOf: readonly Shape[] }
  | ObjectShape;

/** An object type: its fields, and those it requires. */
export interface ObjectShape {
  readonly fields: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
}

/** True when `value`, written as the importer writes it, type-checks as `shape`. */
export function fits(value: JsonValue | undefined, shape: Shape): boolean {
  if (value === undefined) return false;
  if (shape === "string") return typeof value === "string";
  if (shape === "number") return typeof value === "number";
  if (shape === "boolean") return typeof value === "boolean";
  if (shape === "strings") return Array.isArray(value) && value.every((v) => typeof v === "string");
  if (shape === "stringMap") {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  }
  if ("enum" in shape) return typeof value === "string" && shape.enum.includes(value) && !value.includes("((");
  if ("oneOf" in shape) return shape.oneOf.some((s) => fits(value, s));
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const key of shape.required ?? []) if (!(key in value)) return false;
  return Object.entries(value).every(([key, v]) => {
    const field = shape.fields[key];
    return field !== undefined && fits(v, field);
  });
}

/** The shape of `container_limits` that the typed `containerLimits` option takes. */
export const LIMITS = { fields: { cpu: "number", memory: { oneOf: ["number", "string"] } } } as const;
