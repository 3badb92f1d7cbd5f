import { describe, expect, it } from "vitest";
import { Job, MockResource, Pipeline } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

describe("mock: documented examples", () => {
  table("mock", [
    [
      "files and an initial version",
      "source",
      { initial_version: "v1", create_files: { "a.txt": "a", "b.json": { k: 1 } }, check_delay: "1s" },
      [],
    ],
    ["mirror_self", "source", { mirror_self: true }, []],
    ["a put of a version", "put", { version: "v2", print_env: true }, []],
    ["a get with files via params", "get", { create_files_via_params: { "c.txt": "c" } }, []],
  ]);
});

describe("mock: rules", () => {
  table("mock", [
    [
      "an unknown key is an error (strict decoding)",
      "source",
      { initial_versions: "v1" },
      [e("resource-unknown-field", "initial_versions")],
    ],
    ["check_delay is a Go duration", "source", { check_delay: 5 }, [e("mock-invalid-check-delay", "check_delay")]],
    ["a put needs version or file", "put", { print_env: true }, [e("mock-put-needs-version-or-file", "")]],
    ["metadata entries are {name, value}", "source", { metadata: [{ name: "a" }] }, [e("resource-missing-field", "metadata[0].value")]],
  ]);

  it("renders with no source", () => {
    const fake = new MockResource("fake");
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [fake.get(), fake.put({ params: { version: "v" } })] })] }))).toEqual([]);
  });
});
