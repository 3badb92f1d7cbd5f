/**
 * Value schemas shared by the config model: free-form maps, durations, tags.
 *
 * @see https://concourse-ci.org/config-basics.html
 */
import { z } from "zod";

/**
 * Any JSON value. Resource `source`, step `params` and `vars` reach the resource or the
 * task exactly as typed, so the model keeps them as JSON.
 */
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);
/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A free-form mapping (`source`, `params`, `vars`, `defaults`). Must be a mapping or null. */
export const Config = z.record(z.string(), JsonValue).meta({ description: "A free-form mapping." });
/** A free-form mapping. */
export type Config = z.infer<typeof Config>;

/**
 * A Go duration such as `30s`, `1m30s` or `1h`. Concourse rejects a number here
 * (`non-string value provided`), so the model accepts strings only.
 * @see https://pkg.go.dev/time#ParseDuration
 */
export const Duration = z.string().meta({ description: "A Go duration, e.g. 30s, 1m30s, 2h." });

/** `check_every`: a Go duration or `never`. */
export const CheckEvery = z.string().meta({ description: 'A Go duration (e.g. "10m") or "never".' });

/** Worker tags: a step or resource runs only on workers with all of these tags. */
export const Tags = z.array(z.string()).meta({ description: "Worker tags." });

/** A resource version: every value is a string. */
export const Version = z.record(z.string(), z.string()).meta({ description: "A resource version; all values are strings." });
/** A resource version. */
export type Version = z.infer<typeof Version>;
