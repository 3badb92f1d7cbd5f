/** A lazy schema is built on first use, once, and then behaves as the real zod schema. */
import { describe, expect, it } from "vitest";
import { z } from "../../../packages/sdk/src/index.ts";
import { GitSourceSchema } from "../../../packages/sdk/src/resources/git.ts";
import { lazySchema } from "../../../packages/sdk/src/resources/lazy-schema.ts";

describe("lazySchema", () => {
  it("builds nothing until used, then once", () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.strictObject({ a: z.string() });
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ a: "x" }).success).toBe(true);
    expect(schema.safeParse({ a: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it("is a zod schema to zod: instanceof, composition, optional, keys", () => {
    const inner = lazySchema(() => z.strictObject({ a: z.string() }));
    expect(inner instanceof z.ZodObject).toBe(true);
    const outer = z.object({ inner: inner.optional(), list: z.array(inner) });
    expect(outer.safeParse({ list: [{ a: "x" }] }).success).toBe(true);
    expect(outer.safeParse({ inner: { a: "x", b: 1 }, list: [] }).success).toBe(false);
    expect(Object.keys(inner.shape)).toEqual(["a"]);
    expect("safeParse" in inner).toBe(true);
  });

  it("keeps the typed resources' schemas whole", () => {
    expect(GitSourceSchema.safeParse({ uri: "https://example.com/r.git", branch: "main" }).success).toBe(true);
    const wrong = GitSourceSchema.safeParse({ uri: "x", brnach: "main" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(z.toJSONSchema(GitSourceSchema).properties?.uri).toMatchObject({ type: "string" });
  });
});
