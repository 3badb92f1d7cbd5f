/**
 * Go's `time.ParseDuration`, with its error texts, for `check_every`, the `timeout` modifier
 * and cache `ttl`. The one parser for durations: builders, the resource catalogue, import
 * and lint all use it, so render accepts exactly what lint (and Concourse) accepts.
 *
 * @see https://pkg.go.dev/time#ParseDuration
 */
import { goQuote } from "./format.ts";

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "\u00b5s": 1e3,
  "\u03bcs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** The parsed duration in nanoseconds, or Go's error message. */
export type DurationResult = { readonly ok: true; readonly nanos: number } | { readonly ok: false; readonly error: string };

// Pipelines repeat a few durations (`30m`, `1h`) on thousands of steps, each checked at
// render and again by lint: the answers are kept, frozen, for the texts seen.
const PARSED = new Map<string, DurationResult>();
const MAX_PARSED = 1024;

/** Parses a Go duration such as `1h30m`, `10s` or `-1.5m`. */
export function parseGoDuration(text: string): DurationResult {
  const known = PARSED.get(text);
  if (known !== undefined) return known;
  const parsed = Object.freeze(parse(text));
  if (PARSED.size < MAX_PARSED) PARSED.set(text, parsed);
  return parsed;
}

function parse(text: string): DurationResult {
  const invalid = { ok: false, error: `time: invalid duration ${goQuote(text)}` } as const;
  let s = text;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s.startsWith("-") ? -1 : 1;
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, nanos: 0 };
  if (s === "") return invalid;
  let total = 0;
  while (s !== "") {
    const m = /^([0-9]*)(\.([0-9]*))?/.exec(s);
    const whole = m?.[1] ?? "";
    const frac = m?.[3] ?? "";
    if (!m || (whole === "" && frac === "") || m[0] === "") return invalid;
    s = s.slice(m[0].length);
    const unitMatch = /^[^0-9.]*/.exec(s);
    const unit = unitMatch?.[0] ?? "";
    if (unit === "") return { ok: false, error: `time: missing unit in duration ${goQuote(text)}` };
    const scale = UNITS[unit];
    if (scale === undefined) return { ok: false, error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    s = s.slice(unit.length);
    total += Number(`${whole || "0"}.${frac || "0"}`) * scale;
  }
  if (total > 9.223372036854776e18) return invalid;
  return { ok: true, nanos: sign * total };
}

/** True when Go's `time.ParseDuration` accepts `text`. */
export function isGoDuration(text: string): boolean {
  return parseGoDuration(text).ok;
}
