/**
 * The Concourse version a pipeline is judged for (`sdk lint --concourse 7.11`). Rules and
 * messages that changed between v7.11 and v8.3 ask {@link supports} which behaviour applies;
 * every feature below names the release that brought it (reference section 9, checked
 * against the source at those tags).
 *
 * @see https://github.com/concourse/concourse/releases
 */

/** A Concourse release, `major.minor.patch`. */
export interface ConcourseVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** The newest release contrail models, the default. */
export const LATEST_CONCOURSE: ConcourseVersion = { major: 8, minor: 3, patch: 0 };

/** The oldest release contrail models. */
export const OLDEST_CONCOURSE: ConcourseVersion = { major: 7, minor: 11, patch: 0 };

/** Behaviour that depends on the version, with the first release that has it. */
export const FEATURES = {
  /** `hermetic:` on task steps (and its containerd-only warning). */
  hermetic: "7.10",
  /** Identifiers may start with a digit (an all-digit one still warns). */
  identifierLeadingDigit: "7.14",
  /** `across` without the web flag `--enable-across-step`. */
  acrossAlwaysOn: "8.0",
  /** `build_logs_to_retain is deprecated` warning. */
  buildLogsDeprecation: "8.0",
  /** An inline task config may leave `run.path` empty. */
  runPathOptional: "8.0",
  /** fly's yaml.v3 duplicate-key pre-check on every set-pipeline. */
  duplicateKeyPrecheck: "8.0",
  /** Old-style `{{name}}` templates are gone (v7 substituted them textually). */
  noLegacyTemplates: "8.0",
  /** `passed:` takes globs; `no matching job(s) for '%s'`. */
  passedGlobs: "8.1",
  /** Unknown keys in an inline task config are errors. */
  taskConfigUnknownKeys: "8.1",
  /** `disable_reruns` on jobs. */
  disableReruns: "8.1",
  /** `caches[].ttl` in task configs. */
  cacheTtl: "8.2",
  /** The top-level `user_data` key. */
  userData: "8.2",
  /** `tags` on jobs, `do` and `in_parallel`. */
  groupTags: "8.3",
} as const;

/** A version-dependent behaviour. */
export type Feature = keyof typeof FEATURES;

// Each feature's first version, parsed once: lint asks for every step.
const SINCE = Object.fromEntries(
  Object.entries(FEATURES).map(([feature, since]) => {
    const [major = 0, minor = 0] = since.split(".").map(Number);
    return [feature, { major, minor, patch: 0 }];
  }),
) as Record<Feature, ConcourseVersion>;

/** True when `version` (the newest when undefined) has `feature`. */
export function supports(version: ConcourseVersion | undefined, feature: Feature): boolean {
  if (version === undefined) return true;
  return compareVersions(version, SINCE[feature]) >= 0;
}

/** Orders two versions. */
export function compareVersions(a: ConcourseVersion, b: ConcourseVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** Formats a version as `v8.3.0`. */
export function formatVersion(v: ConcourseVersion): string {
  return `v${v.major}.${v.minor}.${v.patch}`;
}

/**
 * Reads `7.11`, `v7.11.2`, `8.3.0+dev.12` or fly's `--version` output. Returns an error
 * message for anything else, or for a release outside the range contrail models.
 */
export function parseConcourseVersion(text: string): ConcourseVersion | { readonly error: string } {
  const m = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+.][\w.+-]*)?\s*$/.exec(text);
  if (!m) return { error: `'${text}' is not a Concourse version; give one like 7.11 or 8.3.0` };
  const version = { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
  if (compareVersions(version, OLDEST_CONCOURSE) < 0) {
    return {
      error: `Concourse ${formatVersion(version)} is older than contrail models (${formatVersion(OLDEST_CONCOURSE)} to ${formatVersion(LATEST_CONCOURSE)})`,
    };
  }
  // Newer releases than contrail knows are judged as the newest it knows.
  return compareVersions(version, LATEST_CONCOURSE) > 0 ? LATEST_CONCOURSE : version;
}
