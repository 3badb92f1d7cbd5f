/**
 * The `time` resource (core type): a new version on an interval or in a time window, to
 * trigger jobs periodically. It ignores unknown keys.
 * @see https://github.com/concourse/time-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { defineSpec, describeValue, goDuration, isVar, quoteHint, type Rule, type TypedResourceOptions, together } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/time-resource";

/** Source of a time resource. @see https://github.com/concourse/time-resource#source-configuration */
export const TimeSourceSchema = lazySchema(() =>
  z.strictObject({
    /** A Go duration between versions, e.g. `"60s"`, `"1h30m"`. A string. @default one version per day */
    interval: z
      .string()
      .optional()
      .describe('A Go duration between versions, e.g. "60s", "1h30m". A string. Default: one version per day.'),
    /** An IANA time zone, e.g. `"Europe/London"`. @default "UTC" */
    location: z.string().optional().describe('An IANA time zone, e.g. "Europe/London". Default: "UTC".'),
    /** Window start: `"3:04 PM"`, `"3PM"`, `"3 PM"`, `"15:04"` or `"1504"`. A string; set with `stop`. @default "00:00" */
    start: z
      .string()
      .optional()
      .describe('Window start: "3:04 PM", "3PM", "3 PM", "15:04" or "1504". A string; set with stop. Default: "00:00".'),
    /** Window end, same formats as `start`; set with `start`. @default "00:00" */
    stop: z.string().optional().describe('Window end, same formats as start; set with start. Default: "00:00".'),
    /** Days of the week: `sunday`/`sun` ... `saturday`/`sat` (case-insensitive). @default every day */
    days: z
      .array(z.string().regex(/^(sun|mon|tue|wed|thu|fri|sat)(day|sday|nesday|rsday|urday)?$/i))
      .optional()
      .describe("Days of the week: sunday/sun ... saturday/sat (case-insensitive). Default: every day."),
    /** Emit the current time when there is no version yet. @default false */
    initial_version: z.boolean().optional().describe("Emit the current time when there is no version yet. Default: false."),
    /** No versions before this time: `2006-01-02T15:04:05`, `...T15:04`, `...T15`, `2006-01-02` or `2006-01-02 15:04:05`. */
    start_after: z
      .string()
      .optional()
      .describe("No versions before this time: 2006-01-02T15:04:05, ...T15:04, ...T15, 2006-01-02 or 2006-01-02 15:04:05."),
  }),
);

/** Get params of time: none. */
export const TimeGetParamsSchema = lazySchema(() => z.strictObject({}));
/** Put params of time: none (a put emits the current time). */
export const TimePutParamsSchema = lazySchema(() => z.strictObject({}));
/** Version of time. */
export const TimeVersionSchema = lazySchema(() =>
  z.strictObject({
    /** RFC 3339 time. */
    time: z.string().describe("RFC 3339 time."),
  }),
);

/** Source of a time resource. @see https://github.com/concourse/time-resource#source-configuration */
export type TimeSource = z.input<typeof TimeSourceSchema>;
/** Get params of time: none. */
export type TimeGetParams = z.input<typeof TimeGetParamsSchema>;
/** Put params of time: none. */
export type TimePutParams = z.input<typeof TimePutParamsSchema>;

const TIME_OF_DAY = /^(\d{1,2}:\d{2}( ?[AP]M)?|\d{1,2} ?[AP]M|\d{4})( [+-]\d{4})?$/i;
const START_AFTER = /^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?)?$/;

const timeOfDay =
  (field: "start" | "stop"): Rule =>
  (source, report) => {
    const value = source[field];
    if (value === undefined || isVar(value)) return;
    if (typeof value !== "string") {
      report(
        "time-not-string",
        "error",
        [field],
        typeof value === "object" && value !== null
          ? `'${field}' must be a string, not ${describeValue(value)}: the resource decodes a string`
          : `'${field}' must be a string, not ${typeof value} ${String(value)}: a number fails to decode`,
        quoteHint(value),
      );
    } else if (!TIME_OF_DAY.test(value.trim())) {
      report("time-invalid-time", "error", [field], `'${field}' '${value}' is not a time of day such as "3:04 PM", "3PM" or "15:04"`);
    } else if (/ [+-]\d{4}$/.test(value.trim())) {
      report(
        "time-offset-deprecated",
        "warning",
        [field],
        `a time zone offset in '${field}' is deprecated: use 'location' instead`,
        'Write `location: "America/New_York"` and drop the offset.',
      );
    }
  };

const startAfter: Rule = (source, report) => {
  const value = source["start_after"];
  if (typeof value === "string" && !isVar(value) && !START_AFTER.test(value)) {
    report(
      "time-invalid-start-after",
      "error",
      ["start_after"],
      `'start_after' '${value}' is not a time such as "2006-01-02T15:04:05" or "2006-01-02"`,
    );
  }
};

/** time's schemas and rules. */
export const timeSpec = defineSpec({
  type: "time",
  readme: README,
  strict: false,
  schemas: { source: TimeSourceSchema, get: TimeGetParamsSchema, put: TimePutParamsSchema, version: TimeVersionSchema },
  rules: {
    source: [
      together("start", "stop", "time-start-stop-together"),
      timeOfDay("start"),
      timeOfDay("stop"),
      goDuration("interval", "time-invalid-interval"),
      startAfter,
    ],
  },
});

/** Files a time get writes. */
export const TIME_FILES = {
  /** The request JSON. */
  input: "input",
  /** `2006-01-02 15:04:05.999999999 -0700 MST`. */
  timestamp: "timestamp",
  /** Unix seconds. */
  epoch: "epoch",
} as const;

/** Options of a time resource. */
export type TimeResourceOptions = TypedResourceOptions<TimeSource>;

/**
 * A clock, to trigger jobs periodically.
 *
 * @example
 * const nightly = new TimeResource("nightly", { source: { start: "2:00 AM", stop: "3:00 AM", location: "Europe/London" } });
 * @see https://github.com/concourse/time-resource
 */
export class TimeResource extends Resource<TimeSource, TimeGetParams, TimePutParams, typeof TIME_FILES> {
  constructor(name: string, options: TimeResourceOptions = {}) {
    super(name, { ...options, type: "time" }, TIME_FILES, timeSpec);
  }
}
