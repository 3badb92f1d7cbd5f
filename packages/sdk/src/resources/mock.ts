/**
 * The `mock` resource (core type): fake versions and files, for testing pipelines. It
 * decodes strictly: unknown keys fail check, get and put.
 * @see https://github.com/concourse/mock-resource
 */
import { z } from "zod";
import { Resource } from "../builders/resource.ts";
import { defineSpec, goDuration, isSet, type Rule, type TypedResourceOptions } from "./_define.ts";
import { lazySchema } from "./lazy-schema.ts";

const README = "https://github.com/concourse/mock-resource";

/** Source of a mock resource. @see https://github.com/concourse/mock-resource#source-configuration */
export const MockSourceSchema = lazySchema(() =>
  z.strictObject({
    /** Make get produce a rootfs, usable as an `image_resource`. @default false */
    mirror_self: z.boolean().optional().describe("Make get produce a rootfs, usable as an image_resource. Default: false."),
    /** The first version. @default "mock" */
    initial_version: z.string().optional().describe('The first version. Default: "mock".'),
    /** Emit no initial version. @default false */
    no_initial_version: z.boolean().optional().describe("Emit no initial version. Default: false."),
    /** Always emit this version. */
    force_version: z.string().optional().describe("Always emit this version."),
    /** Files to create on get: path to content (a string, or any JSON, serialized). */
    create_files: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Files to create on get: path to content (a string, or any JSON, serialized)."),
    /** A Go duration check sleeps for, e.g. `"10s"`. */
    check_delay: z.string().optional().describe('A Go duration check sleeps for, e.g. "10s".'),
    /** Make check fail with this message. */
    check_failure: z.string().optional().describe("Make check fail with this message."),
    /** Metadata echoed on get and put. */
    metadata: z
      .array(
        z.strictObject({
          /** The field's name. */
          name: z.string().describe("The field's name."),
          /** Its value. */
          value: z.string().describe("Its value."),
        }),
      )
      .optional()
      .describe("Metadata echoed on get and put."),
    /** A message to log. */
    log: z.string().optional().describe("A message to log."),
  }),
);

/** Get params of mock. */
export const MockGetParamsSchema = lazySchema(() =>
  z.strictObject({
    /** Produce a rootfs, as `mirror_self` does. @default false */
    mirror_self_via_params: z.boolean().optional().describe("Produce a rootfs, as mirror_self does. Default: false."),
    /** More files to create, merged over `create_files`. */
    create_files_via_params: z.record(z.string(), z.unknown()).optional().describe("More files to create, merged over create_files."),
  }),
);

/** Put params of mock: `version` or `file`. */
export const MockPutParamsSchema = lazySchema(() =>
  z.strictObject({
    /** The version to emit (wins over `file`). */
    version: z.string().optional().describe("The version to emit (wins over file)."),
    /** Path to a file holding the version to emit. */
    file: z.string().optional().describe("Path to a file holding the version to emit."),
    /** Print the environment. @default false */
    print_env: z.boolean().optional().describe("Print the environment. Default: false."),
  }),
);

/** Version of mock. */
export const MockVersionSchema = lazySchema(() =>
  z.strictObject({
    /** The version. */
    version: z.string().describe("The version."),
    /** `"true"` when mirroring privileged. */
    privileged: z.string().optional().describe('"true" when mirroring privileged.'),
  }),
);

/** Source of a mock resource. @see https://github.com/concourse/mock-resource#source-configuration */
export type MockSource = z.input<typeof MockSourceSchema>;
/** Get params of mock. */
export type MockGetParams = z.input<typeof MockGetParamsSchema>;
/** Put params of mock. */
export type MockPutParams = z.input<typeof MockPutParamsSchema>;

const putNeedsVersion: Rule = (params, report) => {
  if (!isSet(params["version"]) && !isSet(params["file"]))
    report("mock-put-needs-version-or-file", "error", [], "a mock put needs 'version' or 'file'");
};

/** mock's schemas and rules. */
export const mockSpec = defineSpec({
  type: "mock",
  readme: README,
  strict: true,
  schemas: { source: MockSourceSchema, get: MockGetParamsSchema, put: MockPutParamsSchema, version: MockVersionSchema },
  rules: { source: [goDuration("check_delay", "mock-invalid-check-delay")], put: [putNeedsVersion] },
});

/** Files a mock get writes besides the created files. */
export const MOCK_FILES = {
  version: "version",
  privileged: "privileged",
  /** When mirroring. */
  rootfs: "rootfs",
  /** When mirroring. */
  metadata: "metadata.json",
} as const;

/** Options of a mock resource. */
export type MockResourceOptions = TypedResourceOptions<MockSource>;

/**
 * A fake resource, for testing pipelines.
 *
 * @example
 * const fake = new MockResource("fake", { source: { initial_version: "v1", create_files: { "hello.txt": "hi" } } });
 * @see https://github.com/concourse/mock-resource
 */
export class MockResource extends Resource<MockSource, MockGetParams, MockPutParams, typeof MOCK_FILES> {
  constructor(name: string, options: MockResourceOptions = {}) {
    super(name, { ...options, type: "mock" }, MOCK_FILES, mockSpec);
  }
}
