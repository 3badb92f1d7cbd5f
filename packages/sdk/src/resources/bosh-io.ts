/**
 * The `bosh-io-release` and `bosh-io-stemcell` resources (core types): BOSH releases and
 * stemcells published on bosh.io. Both are get-only (no `out`): they have no `put()`.
 * They ignore unknown keys.
 * @see https://github.com/concourse/bosh-io-release-resource
 * @see https://github.com/concourse/bosh-io-stemcell-resource
 */
import { z } from "zod";
import { GettableResource } from "../builders/resource.ts";
import { defineSpec, mustBeString, type TypedResourceOptions } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

/** Source of a bosh-io-release resource. @see https://github.com/concourse/bosh-io-release-resource#source-configuration */
export const BoshIoReleaseSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The release's GitHub repository, `owner/name`. Required. */
    repository: z.string().describe("The release's GitHub repository, owner/name. Required."),
    /** Lock to this version (a string: quote it). Used only on get. */
    release_version: z.string().optional().describe("Lock to this version (a string: quote it). Used only on get."),
  }),
);

/** Get params of bosh-io-release. */
export const BoshIoReleaseGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Fetch `release.tgz`. @default true */
    tarball: z.boolean().optional().describe("Fetch release.tgz. Default: true."),
  }),
);

/** Source of a bosh-io-stemcell resource. @see https://github.com/concourse/bosh-io-stemcell-resource#source-configuration */
export const BoshIoStemcellSourceSchema = lazySchema(() =>
  z.strictObject({
    /** The stemcell's name, e.g. `bosh-aws-xen-hvm-ubuntu-jammy-go_agent`. Required. */
    name: z.string().describe("The stemcell's name, e.g. bosh-aws-xen-hvm-ubuntu-jammy-go_agent. Required."),
    /** Narrow versions to this family, e.g. `"3262"` matches 3262, 3262.1 and 3262.1.1 (a string: quote it). */
    version_family: z
      .string()
      .optional()
      .describe('Narrow versions to this family, e.g. "3262" matches 3262, 3262.1 and 3262.1.1 (a string: quote it).'),
    /** Always download regular stemcells, never light ones. @default false */
    force_regular: z.boolean().optional().describe("Always download regular stemcells, never light ones. Default: false."),
  }),
);

/** Get params of bosh-io-stemcell. */
export const BoshIoStemcellGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Fetch `stemcell.tgz`. @default true */
    tarball: z.boolean().optional().describe("Fetch stemcell.tgz. Default: true."),
    /** Keep the tarball's original file name. @default false */
    preserve_filename: z.boolean().optional().describe("Keep the tarball's original file name. Default: false."),
  }),
);

/** Version of both bosh.io resources. */
export const BoshIoVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The version. */
    version: z.string().describe("The version."),
  }),
);

/** Source of a bosh-io-release resource. */
export type BoshIoReleaseSource = z.input<typeof BoshIoReleaseSourceSchema>;
/** Get params of bosh-io-release. */
export type BoshIoReleaseGetParams = z.input<typeof BoshIoReleaseGetParamsSchema>;
/** Source of a bosh-io-stemcell resource. */
export type BoshIoStemcellSource = z.input<typeof BoshIoStemcellSourceSchema>;
/** Get params of bosh-io-stemcell. */
export type BoshIoStemcellGetParams = z.input<typeof BoshIoStemcellGetParamsSchema>;

/** bosh-io-release's schemas and rules. */
export const boshIoReleaseSpec = defineSpec({
  type: "bosh-io-release",
  readme: "https://github.com/concourse/bosh-io-release-resource",
  strict: false,
  schemas: { source: BoshIoReleaseSourceSchema, get: BoshIoReleaseGetParamsSchema, version: BoshIoVersionSchema },
  rules: { source: [mustBeString("release_version", "bosh-io-release-version-not-string", "the resource decodes a string")] },
});

/** bosh-io-stemcell's schemas and rules. */
export const boshIoStemcellSpec = defineSpec({
  type: "bosh-io-stemcell",
  readme: "https://github.com/concourse/bosh-io-stemcell-resource",
  strict: false,
  schemas: { source: BoshIoStemcellSourceSchema, get: BoshIoStemcellGetParamsSchema, version: BoshIoVersionSchema },
  rules: { source: [mustBeString("version_family", "bosh-io-stemcell-version-family-not-string", "the resource decodes a string")] },
});

/** Files a bosh-io-release get writes. */
export const BOSH_IO_RELEASE_FILES = { version: "version", url: "url", sha1: "sha1", tarball: "release.tgz" } as const;
/** Files a bosh-io-stemcell get writes. */
export const BOSH_IO_STEMCELL_FILES = { version: "version", url: "url", sha1: "sha1", tarball: "stemcell.tgz" } as const;

/**
 * A BOSH release on bosh.io. Get-only.
 *
 * @example
 * const concourse = new BoshIoRelease("concourse-release", { source: { repository: "concourse/concourse-bosh-release" } });
 * @see https://github.com/concourse/bosh-io-release-resource
 */
export class BoshIoRelease extends GettableResource<BoshIoReleaseSource, BoshIoReleaseGetParams, typeof BOSH_IO_RELEASE_FILES> {
  constructor(name: string, options: TypedResourceOptions<BoshIoReleaseSource>) {
    super(name, { ...options, type: "bosh-io-release" }, BOSH_IO_RELEASE_FILES, boshIoReleaseSpec);
  }
}

/**
 * A BOSH stemcell on bosh.io. Get-only.
 *
 * @example
 * const stemcell = new BoshIoStemcell("stemcell", { source: { name: "bosh-aws-xen-hvm-ubuntu-jammy-go_agent" } });
 * @see https://github.com/concourse/bosh-io-stemcell-resource
 */
export class BoshIoStemcell extends GettableResource<BoshIoStemcellSource, BoshIoStemcellGetParams, typeof BOSH_IO_STEMCELL_FILES> {
  constructor(name: string, options: TypedResourceOptions<BoshIoStemcellSource>) {
    super(name, { ...options, type: "bosh-io-stemcell" }, BOSH_IO_STEMCELL_FILES, boshIoStemcellSpec);
  }
}
