/**
 * Go durations, as Concourse parses `timeout`, `check_every` and cache `ttl`.
 * @see https://pkg.go.dev/time#ParseDuration
 */

const UNIT = "(ns|us|µs|μs|ms|s|m|h)";
const NUMBER = "([0-9]+(\\.[0-9]*)?|\\.[0-9]+)";
const GO_DURATION = new RegExp(`^[-+]?(0|(${NUMBER}${UNIT})+)$`);

/** True when Go's `time.ParseDuration` accepts `text`. */
export function isGoDuration(text: string): boolean {
  return GO_DURATION.test(text);
}
