/**
 * A quick test before a rule reads every string and key of a job: whether the job's JSON
 * text holds a needle. Rules that look for something rare in any string (`((.:name))`, an
 * `aggregate:` key) walked all of a 2,000-job pipeline's values to find nothing. The text
 * of all jobs (native `JSON.stringify`, shared by those rules) rules out most pipelines at
 * once; where it holds a needle, each job's own text tells which jobs to walk.
 * A job the text rules out holds no such string or key; a job it lets through is walked as
 * before, so the findings are the same.
 */

/**
 * What the rules look for, in a value's JSON text. Printable ASCII other than `"` and `\`
 * stands in that text as it is, so such a needle finds every string and key holding it; a
 * `"` in a needle matches JSON's own quotes (`"aggregate":` finds that key).
 */
const NEEDLES = {
  /** A local var, `((.:name))`. */
  localVar: "((.:",
  /** A key `aggregate`. */
  aggregateKey: '"aggregate":',
} as const;

/** A needle's name. */
export type Needle = keyof typeof NEEDLES;

const NAMES = Object.keys(NEEDLES) as Needle[];
// All needles' bits: what a value JSON cannot write may hold.
const ALL = (1 << NAMES.length) - 1;

/**
 * Each value's needles found, one bit per needle, during {@link withValueTexts}. Only the
 * bits are kept: the text of every job of a big pipeline, held for the whole run, was as
 * much memory for the garbage collector to move as the config's own strings.
 */
let found: WeakMap<object, number> | undefined;

/**
 * Runs `fn` with each value's needles remembered after the first test: for one lint run,
 * in which the config does not change.
 */
export function withValueTexts<T>(fn: () => T): T {
  const outer = found;
  found = new WeakMap();
  try {
    return fn();
  } finally {
    found = outer;
  }
}

function needlesIn(value: object): number {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // A cycle, a bigint: the caller walks the value.
    return ALL;
  }
  if (text === undefined) return 0;
  let bits = 0;
  NAMES.forEach((name, i) => {
    if (text.includes(NEEDLES[name])) bits |= 1 << i;
  });
  return bits;
}

/**
 * False when no string or key inside `value` holds the needle; true when one may, or when
 * the value cannot be written as JSON, so that the caller walks it.
 */
export function mayContain(value: object, needle: Needle): boolean {
  let bits = found?.get(value);
  if (bits === undefined) {
    bits = needlesIn(value);
    found?.set(value, bits);
  }
  return (bits & (1 << NAMES.indexOf(needle))) !== 0;
}
