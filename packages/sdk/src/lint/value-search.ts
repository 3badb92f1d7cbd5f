/**
 * A quick search before a rule reads every string and key of a job: whether anything in the
 * jobs holds what the rule looks for. Rules that look for something rare (`((.:name))` in any
 * string, an `aggregate:` key) walked all of a 2,000-job pipeline's values, with their scopes
 * and paths, to find nothing. One bare walk over the values, shared by those rules and
 * allocating nothing, rules out most pipelines at once; where it finds a needle, each job's
 * own search tells which jobs to walk. A value ruled out holds no such string or key; a
 * value let through is walked as before, so the findings are the same.
 */

/** What the rules look for, one bit each: `((.:` in any string or key, and a key `aggregate`. */
const BIT = { localVar: 1, aggregateKey: 2 } as const;

/** A needle's name. */
export type Needle = keyof typeof BIT;

const ALL = BIT.localVar | BIT.aggregateKey;
const LOCAL_VAR_TEXT = "((.:";
// Deeper than any pipeline: a value this deep (or a cycle) is let through for the rule to walk.
const MAX_DEPTH = 256;

/** Each value's needles found, one bit per needle, during {@link withValueSearch}. */
let found: WeakMap<object, number> | undefined;

/**
 * Runs `fn` with each value's needles remembered after the first search: for one lint run,
 * in which the config does not change.
 */
export function withValueSearch<T>(fn: () => T): T {
  const outer = found;
  found = new WeakMap();
  try {
    return fn();
  } finally {
    found = outer;
  }
}

function textBits(text: string): number {
  return text.includes(LOCAL_VAR_TEXT) ? BIT.localVar : 0;
}

/** The needles under `value`, stopping once all are found. */
function needlesIn(value: unknown, depth: number): number {
  if (typeof value === "string") return textBits(value);
  if (typeof value !== "object" || value === null) return 0;
  if (depth > MAX_DEPTH) return ALL;
  let bits = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && bits !== ALL; i++) bits |= needlesIn(value[i], depth + 1);
    return bits;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (key === "aggregate") bits |= BIT.aggregateKey;
    bits |= textBits(key) | needlesIn(record[key], depth + 1);
    if (bits === ALL) break;
  }
  return bits;
}

/**
 * False when no string or key inside `value` holds the needle; true when one may (a value
 * too deep to search, or a cycle, is let through), so that the caller walks it.
 */
export function mayContain(value: object, needle: Needle): boolean {
  let bits = found?.get(value);
  if (bits === undefined) {
    bits = needlesIn(value, 0);
    found?.set(value, bits);
  }
  return (bits & BIT[needle]) !== 0;
}
