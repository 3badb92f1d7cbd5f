/**
 * The typed resources the importer knows: Concourse type name → contrail class. Whether a
 * resource's values fit its class is asked of the catalogue's own schemas and rules
 * (`RESOURCE_SPECS`, the same ones render applies), so the importer never disagrees with
 * render: a typed class is used only when render would accept the values without an
 * error; otherwise the resource stays a plain `Resource`, which takes anything.
 */
import type { JsonValue } from "../model/common.ts";
import { BOSH_IO_RELEASE_FILES, BOSH_IO_STEMCELL_FILES } from "../resources/bosh-io.ts";
import { RESOURCE_SPECS } from "../resources/check.ts";
import { DOCKER_IMAGE_FILES } from "../resources/docker-image.ts";
import { GIT_FILES } from "../resources/git.ts";
import { GITHUB_RELEASE_FILES } from "../resources/github-release.ts";
import { MOCK_FILES } from "../resources/mock.ts";
import { POOL_FILES } from "../resources/pool.ts";
import { REGISTRY_IMAGE_FILES } from "../resources/registry-image.ts";
import { REGISTRY_TAG_FILES, registryTagType } from "../resources/registry-tag.ts";
import { S3_FILES } from "../resources/s3.ts";
import { SEMVER_FILES } from "../resources/semver.ts";
import { TIME_FILES } from "../resources/time.ts";

/** A typed resource class. */
export interface CatalogueEntry {
  /** The class exported by contrail. */
  readonly className: string;
  /** Whether a value of this kind would render without an error in this class. */
  fits(kind: "source" | "get" | "put", value: JsonValue | undefined, source?: JsonValue): boolean;
  /** False for a type without `out` (its class has no `put()`). */
  readonly canPut: boolean;
  /** The handles of files a get writes. */
  readonly files: Readonly<Record<string, string>>;
  /** For a type that is not core: the type the class declares by default. */
  readonly defaultType?: { readonly exportName: string; readonly type: string; readonly source: Readonly<Record<string, JsonValue>> };
}

function entry(
  type: string,
  className: string,
  files: Readonly<Record<string, string>>,
  extra: Partial<CatalogueEntry> = {},
): CatalogueEntry {
  const spec = RESOURCE_SPECS.get(type);
  if (spec === undefined) throw new Error(`contrail: no catalogue spec for resource type '${type}'`);
  return {
    className,
    files,
    canPut: spec.schemas.put !== undefined,
    fits(kind, value, source) {
      if (kind === "put" && spec.schemas.put === undefined) return false;
      const issues = spec.validate(kind, value ?? {}, source === undefined ? {} : { source });
      // Unknown keys only warn for resources that ignore them, but TypeScript rejects
      // them in an object literal of the typed options: they rule the class out too.
      return issues.every((issue) => issue.severity !== "error" && issue.code !== "resource-unknown-field");
    },
    ...extra,
  };
}

/** Typed classes by Concourse type name. */
export const CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  git: entry("git", "GitResource", GIT_FILES),
  "registry-image": entry("registry-image", "RegistryImage", REGISTRY_IMAGE_FILES),
  "registry-tag": entry("registry-tag", "RegistryTag", REGISTRY_TAG_FILES, {
    defaultType: {
      exportName: "registryTagType",
      type: String(registryTagType.props.type),
      source: registryTagType.props.source as Readonly<Record<string, JsonValue>>,
    },
  }),
  time: entry("time", "TimeResource", TIME_FILES),
  s3: entry("s3", "S3Resource", S3_FILES),
  semver: entry("semver", "SemverResource", SEMVER_FILES),
  "github-release": entry("github-release", "GithubReleaseResource", GITHUB_RELEASE_FILES),
  pool: entry("pool", "PoolResource", POOL_FILES),
  mock: entry("mock", "MockResource", MOCK_FILES),
  "bosh-io-release": entry("bosh-io-release", "BoshIoRelease", BOSH_IO_RELEASE_FILES),
  "bosh-io-stemcell": entry("bosh-io-stemcell", "BoshIoStemcell", BOSH_IO_STEMCELL_FILES),
  "docker-image": entry("docker-image", "DockerImage", DOCKER_IMAGE_FILES),
};
