/**
 * The catalogue's fast path (resources/fast-valid.ts) may say "certainly valid" only where
 * zod's `safeParse` succeeds. Checked on many generated values for every kind of every
 * core resource type: values shaped by the schema itself (known keys, the right types), the
 * same with one field broken (a wrong type, null, a var, an unknown key), and anything at all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "../../../packages/sdk/src/index.ts";
import { RESOURCE_SPECS } from "../../../packages/sdk/src/resources/check.ts";
import { certainlyValid, certainlyValidWithoutNulls } from "../../../packages/sdk/src/resources/fast-valid.ts";
import { S3SourceSchema } from "../../../packages/sdk/src/resources/s3.ts";

/** What the generator reads of a zod node. */
interface Node {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly innerType?: Node;
      readonly element?: Node;
      readonly shape?: Record<string, Node>;
      readonly options?: readonly Node[];
      readonly valueType?: Node;
      readonly checks?: readonly { readonly _zod: { readonly def: { readonly check?: string; readonly pattern?: RegExp } } }[];
    };
    readonly values?: ReadonlySet<unknown>;
  };
}

/** A value of any type, as YAML or a careless builder could give. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 60),
  fc.boolean(),
  fc.constantFrom(null, undefined, "((secret))", "true", "", "mon", "s3", "git", "all"),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("a", "name", "value", "host"), fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxKeys: 2 }),
);

/** Values shaped by `node`: of the right type, but now and then (1 in 40) anything at all. */
function shaped(node: Node, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 39, arbitrary: fitting(node, depth) }, { weight: 1, arbitrary: junk });
}

/** A shaped value, half the time with one top-level field replaced by junk (or added). */
function broken(node: Node): fc.Arbitrary<unknown> {
  const whole = shaped(node);
  const field = fc.constantFrom(...Object.keys(node._zod.def.shape ?? { unknown_key: 0 }), "unknown_key", "__proto__");
  return fc.oneof(
    whole,
    fc.tuple(whole, field, junk).map(([value, key, bad]) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
      return Object.defineProperty({ ...value }, key, { value: bad, enumerable: true, writable: true, configurable: true });
    }),
  );
}

function fitting(node: Node, depth: number): fc.Arbitrary<unknown> {
  const def = node._zod.def;
  if (depth > 6) return junk;
  switch (def.type) {
    case "string": {
      const pattern = def.checks?.find((c) => c._zod.def.check === "string_format")?._zod.def.pattern;
      if (pattern === undefined) return fc.string({ maxLength: 8 });
      // fast-check matches no case-insensitive pattern: the lower-case form, plus others' cases.
      const lower = new RegExp(pattern.source, pattern.flags.replace("i", ""));
      return fc.oneof(
        fc.stringMatching(lower),
        fc.stringMatching(lower).map((t) => t.toUpperCase()),
        fc.string({ maxLength: 4 }),
      );
    }
    case "number":
      return fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom(0.5, 2 ** 53, -1, -0, Number.NaN, Number.POSITIVE_INFINITY));
    case "boolean":
      return fc.boolean();
    case "enum":
    case "literal":
      return fc.constantFrom(...(node._zod.values ?? new Set([undefined])));
    case "optional":
      return fc.oneof(fc.constant(undefined), shaped(def.innerType as Node, depth + 1));
    case "nullable":
      return fc.oneof(fc.constant(null), shaped(def.innerType as Node, depth + 1));
    case "array":
      return fc.array(shaped(def.element as Node, depth + 1), { maxLength: 3 });
    case "record":
      return fc.dictionary(fc.string({ maxLength: 4 }), shaped(def.valueType as Node, depth + 1), { maxKeys: 3 });
    case "union":
      return fc.oneof(...(def.options ?? []).map((o) => fitting(o, depth + 1)));
    case "object":
      return object(def.shape ?? {}, depth);
    default:
      return junk;
  }
}

/** Some of the declared keys (the required ones usually), sometimes an unknown one. */
function object(shape: Record<string, Node>, depth: number): fc.Arbitrary<unknown> {
  const keys = Object.keys(shape);
  const required = keys.filter((k) => shape[k]?._zod.def.type !== "optional");
  const fields = fc.record(Object.fromEntries(keys.map((k) => [k, shaped(shape[k] as Node, depth + 1)])), { requiredKeys: [] });
  return fc
    .tuple(
      fields,
      fc.oneof({ weight: 19, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      fc.oneof(
        { weight: 29, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom("unknown_key", "__proto__", "constructor"), junk) },
      ),
    )
    .map(([value, withRequired, extra]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (withRequired) for (const k of required) if (!(k in out)) out[k] = "x";
      if (extra !== null) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/** True when `value` holds a null at any depth (in a key zod skips, too). */
function holdsNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== "object") return false;
  return Reflect.ownKeys(value).some((key) => holdsNull((value as Record<PropertyKey, unknown>)[key]));
}

const schemas: [string, z.ZodType][] = [];
for (const spec of RESOURCE_SPECS.values()) {
  for (const [kind, schema] of Object.entries(spec.schemas)) if (schema !== undefined) schemas.push([`${spec.type} ${kind}`, schema]);
}

describe("the resource checks' fast path", () => {
  it("covers every kind of every core type", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(40);
  });

  it("is written for the zod installed (after an upgrade, check fast-valid.ts against its parser)", () => {
    expect(certainlyValid(S3SourceSchema, { bucket: "b", regexp: "r-(.*)" })).toBe(true);
  });

  for (const [name, schema] of schemas) {
    it(`says valid only where zod does: ${name}`, () => {
      let fast = 0;
      let clean = 0;
      let valid = 0;
      let invalid = 0;
      fc.assert(
        fc.property(
          fc.oneof({ weight: 8, arbitrary: broken(schema as unknown as Node) }, { weight: 1, arbitrary: fc.anything() }),
          (value) => {
            const zod = schema.safeParse(value).success;
            const quick = certainlyValid(schema, value);
            // Without nulls: only where the plain answer is yes, and never for a value holding one.
            if (certainlyValidWithoutNulls(schema, value)) {
              clean++;
              expect({ value, quick, nulls: holdsNull(value) }).toEqual({ value, quick: true, nulls: false });
            }
            if (quick) fast++;
            if (zod) valid++;
            else invalid++;
            // Never valid where zod is not; and, for the plain data generated here, the walk
            // understands every catalogue schema, so it is never unsure where zod accepts.
            expect({ value, quick }).toEqual({ value, quick: zod });
          },
        ),
        { numRuns: 400 },
      );
      // The generated values are both: many that zod accepts, many it rejects.
      expect(valid).toBeGreaterThan(20);
      expect(invalid).toBeGreaterThan(20);
      expect(fast).toBe(valid);
      // Each catalogue schema but mock's (whose records hold any JSON) lets no null through.
      if (!name.startsWith("mock ")) expect(clean).toBe(fast);
    });
  }

  it("leaves to zod what it does not understand: a refinement, a default, a hidden field, a class instance", () => {
    const plain = S3SourceSchema.pick({ bucket: true });
    expect(certainlyValid(plain, { bucket: "b" })).toBe(true);
    const refined = plain.refine((v) => v.bucket !== "no");
    expect(refined.safeParse({ bucket: "b" }).success).toBe(true);
    expect(certainlyValid(refined, { bucket: "b" })).toBe(false);
    const defaulted = plain.extend({ region_name: S3SourceSchema.shape.bucket.default("us-east-1") });
    expect(defaulted.safeParse({ bucket: "b" }).success).toBe(true);
    expect(certainlyValid(defaulted, { bucket: "b" })).toBe(false);
    const hidden = Object.defineProperty({ bucket: "b" }, "region", { value: 1, enumerable: false });
    expect(plain.safeParse(hidden).success).toBe(true);
    expect(certainlyValid(plain, hidden)).toBe(false);
    const instance = new (class {
      readonly bucket = "b";
    })();
    expect(plain.safeParse(instance).success).toBe(true);
    expect(certainlyValid(plain, instance)).toBe(false);
  });

  it("leaves alone a schema of another copy of zod, or no zod schema at all", () => {
    const elsewhere = { _zod: { def: { type: "string" }, traits: new Set(["$ZodString"]), version: { major: 4, minor: 0, patch: 0 } } };
    expect(certainlyValid(elsewhere as unknown as z.ZodType, "x")).toBe(false);
    expect(certainlyValid({} as z.ZodType, "x")).toBe(false);
  });
});
