/**
 * A zod union whose member is chosen by a key of the value, as Concourse chooses a step's
 * type by its core key (`get`, `task`, ...). zod's plain union tries every member in turn
 * and keeps the failures of the ones before the match: for a task step, the get and put
 * schemas fail first, and a 2,000-job pipeline spent most of its schema check there. The
 * union stays a union (its JSON Schema is unchanged); only parsing goes straight to the
 * member that the value's key names, falling back to trying all when no key is present.
 * The issues of a mismatch are then the named member's own, not a list of every member's.
 */
import type { z } from "zod";

/**
 * Makes `union` parse a mapping with the member of the first key of `members` (in their
 * order) that the mapping has. Returns `union` itself.
 */
export function keyedUnion<U extends z.ZodType>(union: U, members: ReadonlyArray<readonly [key: string, member: z.ZodType]>): U {
  const internals = union._zod;
  const tryAll = internals.parse;
  const byKey: typeof tryAll = (payload, ctx) => {
    const value = payload.value;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [key, member] of members) {
        if (Object.hasOwn(value, key)) return member._zod.run(payload, ctx);
      }
    }
    return tryAll(payload, ctx);
  };
  internals.parse = byKey;
  // A schema without checks runs its parse directly (zod copies it to `run` at creation).
  if (internals.run === tryAll) internals.run = byKey;
  return union;
}
