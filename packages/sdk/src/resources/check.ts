/**
 * The catalogue of typed resources, by type name, for checking config that did not come
 * from the builders (YAML pipelines, in the linter). The same schemas and rules as render.
 *
 * @see https://concourse-ci.org/resource-types.html
 */
import type { ConfigIssue, ConfigKind, ResourceSpec, RuleContext } from "./_define.ts";
import { boshIoReleaseSpec, boshIoStemcellSpec } from "./bosh-io.ts";
import { dockerImageSpec } from "./docker-image.ts";
import { gitSpec } from "./git.ts";
import { githubReleaseSpec } from "./github-release.ts";
import { mockSpec } from "./mock.ts";
import { poolSpec } from "./pool.ts";
import { registryImageSpec } from "./registry-image.ts";
import { registryTagSpec } from "./registry-tag.ts";
import { s3Spec } from "./s3.ts";
import { semverSpec } from "./semver.ts";
import { timeSpec } from "./time.ts";

/** Every typed resource type's spec, by the type name pipelines use. */
export const RESOURCE_SPECS: ReadonlyMap<string, ResourceSpec> = new Map(
  [
    gitSpec,
    registryImageSpec,
    registryTagSpec,
    timeSpec,
    s3Spec,
    semverSpec,
    githubReleaseSpec,
    poolSpec,
    mockSpec,
    boshIoReleaseSpec,
    boshIoStemcellSpec,
    dockerImageSpec,
  ].map((spec) => [spec.type, spec]),
);

/** One problem found by {@link checkResourceConfig}. */
export interface ResourceConfigProblem {
  /** Where, relative to the value checked: `["tag_regex"]`. */
  readonly path: (string | number)[];
  /** A stable kebab-case code, e.g. `git-tag-filter-and-regex`. */
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly hint?: string;
}

/**
 * Checks a resource's `source`, a get's `params`, a put's `params` (or a `version`) against
 * the typed catalogue. Returns `[]` for a type the catalogue does not know. For a put, give
 * the resource's `source` as `context.source`: some rules (git's branch, registry-image's
 * tag) look at both.
 *
 * @example
 * checkResourceConfig("git", "source", { uri: "x", tag_filter: "v*", tag_regex: "v.*" })
 * // [{ path: ["tag_regex"], code: "git-tag-filter-and-regex", severity: "error", ... }]
 */
export function checkResourceConfig(
  type: string,
  kind: "source" | "get" | "put" | "version",
  value: unknown,
  context: RuleContext = {},
): ResourceConfigProblem[] {
  const spec = RESOURCE_SPECS.get(type);
  if (spec === undefined) return [];
  if (kind === "put" && spec.schemas.put === undefined) {
    return [
      {
        path: [],
        code: "resource-put-not-supported",
        severity: "error",
        message: `the ${type} resource type has no 'out': a put to it fails`,
        hint: `See ${spec.readme}`,
      },
    ];
  }
  const issues = spec.validate(kind as ConfigKind, value, context);
  // Fresh paths, so that a caller changing one changes nothing else; nothing to copy for none.
  return issues.length === 0 ? [] : issues.map((issue: ConfigIssue) => ({ ...issue, path: [...issue.path] }));
}
