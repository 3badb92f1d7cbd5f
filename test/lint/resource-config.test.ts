/**
 * The typed resource catalogue's rules in `sdk lint`: warnings at the offending line for
 * YAML pipelines, and every code the catalogue uses is registered (for --rule and SARIF).
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { lintYaml, RULES } from "../../packages/sdk/src/lint/index.ts";
import { RESOURCE_CODES } from "../../packages/sdk/src/resources/codes.ts";
import { repoRoot } from "./shared.ts";

const pipeline = (resource: string, plan: string) => `resources:
${resource}
jobs:
- name: build
  plan:
${plan}
`;

describe("resource config in lint", () => {
  it("warns at the key when a git source sets both tag_filter and tag_regex", () => {
    const text = pipeline(
      `- name: repo
  type: git
  source:
    uri: https://example.com/repo.git
    tag_filter: "v*"
    tag_regex: "v.*"`,
      "  - get: repo",
    );
    const found = lintYaml(text, { file: "p.yml" }).diagnostics.map((d) => [d.code, d.severity, d.path, d.line]);
    expect(found).toEqual([["git-tag-filter-and-regex", "warning", "resources.repo.source.tag_regex", 7]]);
  });

  it("checks get and put params against the resource's type", () => {
    const text = pipeline(
      `- name: files
  type: s3
  source: {bucket: b, regexp: "f-(.*).tgz"}`,
      `  - get: files
    params: {skip_download: true}
  - put: files
    params: {}`,
    );
    const found = lintYaml(text).diagnostics.map((d) => [d.code, d.path]);
    expect(found).toEqual([
      ["s3-skip-download-not-string", "jobs.build.plan[0].params.skip_download"],
      ["s3-put-needs-file", "jobs.build.plan[1].params.file"],
    ]);
  });

  it("can be turned into an error, or off, per code", () => {
    const text = pipeline(`- name: r\n  type: git\n  source: {uri: x, tag_filter: a, tag_regex: b}`, "  - get: r");
    expect(lintYaml(text, { rules: { "git-tag-filter-and-regex": "error" } }).diagnostics[0]?.severity).toBe("error");
    expect(lintYaml(text, { rules: { "git-tag-filter-and-regex": "off" } }).diagnostics).toEqual([]);
  });

  it("registers every code the catalogue uses", () => {
    const dir = path.join(repoRoot, "packages/sdk/src/resources");
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "codes.ts")) {
      const source = readFileSync(path.join(dir, file), "utf8");
      for (const m of source.matchAll(
        /"((?:resource|git|registry-image|registry-tag|time|s3|semver|github-release|pool|mock|bosh-io-release|bosh-io-stemcell|docker-image|oci-build-task)-[a-z0-9-]+)"/g,
      )) {
        used.add(m[1] as string);
      }
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((code) => !(code in RESOURCE_CODES))).toEqual([]);
    expect(Object.keys(RESOURCE_CODES).every((code) => RULES[code]?.origin === "resource")).toBe(true);
  });
});
