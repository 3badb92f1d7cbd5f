/**
 * `sdk lint --format sarif` as a user runs it, validated against the official SARIF 2.1.0
 * JSON Schema (shipped by @microsoft/jest-sarif), with file names that must be
 * percent-encoded to be URIs: a space, a comma, a percent sign, a folder.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactLocation, ruleName } from "../../packages/sdk/src/lint/format/sarif.ts";
import { runSdk } from "../helpers/run-sdk.ts";

const require = createRequire(import.meta.url);
const schema = JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
// The schema has a pattern that is not valid with the `u` flag (`...]?$`), as in its own validator.
// Both are CommonJS with `exports.default`, which nodenext types as a property of the module.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

const PIPELINE = `resources:
- name: repo
  type: git
  source:
    uri: https://example.com/repo.git
    password: hunter2
jobs:
- name: build
  plan:
  - get: repo
  - get: nope
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "contrail-sarif-"));
  fs.mkdirSync(join(dir, "ci dir"));
  for (const name of ["my pipeline.yml", "a,b.yml", "100%.yml", "ci dir/x#y?.yml"]) fs.writeFileSync(join(dir, name), PIPELINE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("sdk lint --format sarif", () => {
  it("is a valid SARIF 2.1.0 log, with relative percent-encoded URIs under SRCROOT", async () => {
    const files = ["my pipeline.yml", "a,b.yml", "100%.yml", "ci dir/x#y?.yml"];
    const r = await runSdk(["lint", "--format", "sarif", ...files], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(pathToFileURL(`${fs.realpathSync(dir)}/`).href);
    const uris = [
      ...new Set(
        run.results.map(
          (res: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
            res.locations[0]?.physicalLocation.artifactLocation.uri,
        ),
      ),
    ];
    // Findings come sorted by file (errors first), so the URIs in that order.
    expect(uris).toEqual(["100%25.yml", "a%2Cb.yml", "ci%20dir/x%23y%3F.yml", "my%20pipeline.yml"]);
    for (const res of run.results) expect(res.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe("SRCROOT");
    // Each URI, resolved against SRCROOT, names the file that was linted.
    for (const [i, uri] of uris.entries())
      expect(decodeURIComponent(new URL(String(uri), run.originalUriBaseIds.SRCROOT.uri).pathname)).toBe(
        join(fs.realpathSync(dir), [...files].sort()[i] ?? ""),
      );
  });

  it("names each rule and links to no guessed page", async () => {
    const r = await runSdk(["lint", "--format", "sarif", "my pipeline.yml"], { cwd: dir });
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules;
    expect(rules.map((rule: { id: string; name: string }) => [rule.id, rule.name])).toEqual([
      ["plaintext-credential", "PlaintextCredential"],
      ["unknown-resource", "UnknownResource"],
    ]);
    expect(r.stdout).not.toContain("helpUri");
    expect(r.stdout).not.toContain("github.com/contrail");
  });

  it("gives a file outside the working folder an absolute file: URI", () => {
    expect(artifactLocation("/elsewhere/a b.yml", "/work/project")).toEqual({ uri: "file:///elsewhere/a%20b.yml" });
    expect(artifactLocation("../x.yml", "/work/project")).toEqual({ uri: "file:///work/x.yml" });
    expect(artifactLocation("sub/(1).yml", "/work/project")).toEqual({ uri: "sub/%281%29.yml", uriBaseId: "SRCROOT" });
    expect(ruleName("yaml-duplicate-key")).toBe("YamlDuplicateKey");
  });
});
