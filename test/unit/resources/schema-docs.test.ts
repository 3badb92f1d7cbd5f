/** Every field of every catalogue schema carries its documentation (`.describe()`). */
import { describe, expect, it } from "vitest";
import { RESOURCE_SPECS, z } from "../../../packages/sdk/src/index.ts";

/** Paths of object fields without a description, under `schema`. */
function undocumented(schema: z.ZodType, path: string): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return undocumented(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodArray) return undocumented(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((o) => undocumented(o as z.ZodType, path));
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape).flatMap(([key, field]) => {
      const f = field as z.ZodType;
      return [...(f.description ? [] : [`${path}.${key}`]), ...undocumented(f, `${path}.${key}`)];
    });
  }
  return [];
}

describe("catalogue schemas", () => {
  for (const spec of RESOURCE_SPECS.values()) {
    it(`${spec.type}: every field is described`, () => {
      const missing = Object.entries(spec.schemas).flatMap(([kind, schema]) =>
        schema ? undocumented(schema, `${spec.type}.${kind}`) : [],
      );
      expect(missing).toEqual([]);
    });
  }
});
