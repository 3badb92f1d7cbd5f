/** Go's time.ParseDuration, as Concourse reads `timeout:`, `check_every:` and cache ttls. */
import { describe, expect, it } from "vitest";
import { isGoDuration, parseGoDuration } from "../../../packages/sdk/src/go/duration.ts";

describe("parseGoDuration", () => {
  it("reads Go's units, signs and fractions", () => {
    expect(parseGoDuration("1h30m")).toEqual({ ok: true, nanos: 5400e9 });
    expect(parseGoDuration("-1.5m")).toEqual({ ok: true, nanos: -90e9 });
    expect(parseGoDuration("0")).toEqual({ ok: true, nanos: 0 });
    expect(parseGoDuration("10µs")).toEqual({ ok: true, nanos: 10e3 });
  });

  it("gives Go's messages", () => {
    expect(parseGoDuration("30")).toEqual({ ok: false, error: 'time: missing unit in duration "30"' });
    expect(parseGoDuration("5y")).toEqual({ ok: false, error: 'time: unknown unit "y" in duration "5y"' });
    expect(parseGoDuration("")).toEqual({ ok: false, error: 'time: invalid duration ""' });
  });

  it("answers a repeated text the same, with a frozen result, also past the texts it keeps", () => {
    const first = parseGoDuration("30m");
    expect(parseGoDuration("30m")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    for (let i = 0; i < 2000; i++) expect(isGoDuration(`${i}s`)).toBe(true);
    expect(isGoDuration("2001")).toBe(false);
    expect(parseGoDuration("1999s")).toEqual({ ok: true, nanos: 1999e9 });
  });
});
