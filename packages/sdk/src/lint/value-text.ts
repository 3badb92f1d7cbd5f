/**
 * A quick test before a rule reads every string and key of a job: whether the job's JSON
 * text holds a needle. Rules that look for something rare in any string (`((.:name))`, an
 * `aggregate:` key) walked all of a 2,000-job pipeline's values to find nothing; one
 * `JSON.stringify` per job, native and shared by those rules, tells them which jobs to walk.
 * A job the text rules out holds no such string or key; a job it lets through is walked as
 * before, so the findings are the same.
 */

/** Each value's JSON text during {@link withValueTexts}; `null` when it has none (a cycle). */
let texts: WeakMap<object, string | null> | undefined;

/**
 * Runs `fn` with each value's text remembered after its first use: for one lint run, in
 * which the config does not change.
 */
export function withValueTexts<T>(fn: () => T): T {
  const outer = texts;
  texts = new WeakMap();
  try {
    return fn();
  } finally {
    texts = outer;
  }
}

/**
 * False when no string or key inside `value` contains `needle`, looked for in the value's
 * JSON text: printable ASCII other than `"` and `\` stands in it as it is, so such a needle
 * finds every string and key holding it; a `"` in a needle matches JSON's own quotes
 * (`"aggregate":` finds that key). True when the value cannot be written as JSON (a cycle,
 * a bigint), so that the caller walks it.
 */
export function mayContain(value: object, needle: string): boolean {
  let text = texts?.get(value);
  if (text === undefined) {
    try {
      text = JSON.stringify(value) ?? "";
    } catch {
      text = null;
    }
    texts?.set(value, text);
  }
  return text === null || text.includes(needle);
}
