/**
 * contrail's own rules: each has a failing fixture (the code at the expected path, as a
 * warning) and a passing one (no such code, no error). None fires on the blog pipeline.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { lintConfig, lintYaml, RULES } from "../../packages/sdk/src/lint/index.ts";
import type { PipelineConfig } from "../../packages/sdk/src/model/index.ts";
import { repoRoot } from "./shared.ts";

const fixtures = path.join(repoRoot, "test/lint/fixtures");

/** Each own rule, with the path and line it reports in its failing fixture. */
const CASES: Record<string, { path: string; line: number }> = {
  "unknown-artifact": { path: "jobs.build.plan[0].in_parallel[1].config.inputs[0]", line: 14 },
  "undefined-local-var": { path: "jobs.build.plan[1].config", line: 10 },
  "unused-resource-type": { path: "resource_types.slack", line: 2 },
  "plaintext-credential": { path: "resources.image.source.password", line: 7 },
  "oci-build-privileged": { path: "jobs.build.plan[0].privileged", line: 4 },
  "deprecated-aggregate": { path: "jobs.build.plan[0].aggregate", line: 8 },
  "deprecated-docker-image": { path: "resources.image.type", line: 3 },
  templating: { path: "resources.repo.source.private_key", line: 6 },
};

function lintFixture(name: string) {
  return lintYaml(readFileSync(path.join(fixtures, name), "utf8"), { file: name }).diagnostics;
}

describe("contrail rules", () => {
  for (const [code, expected] of Object.entries(CASES)) {
    it(`${code} is a documented warning`, () => expect(RULES[code]?.severity).toBe("warning"));

    it(`${code} fires on its failing fixture`, () => {
      const found = lintFixture(`${code}.fail.yml`).filter((d) => d.code === code);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: "warning", path: expected.path, line: expected.line, file: `${code}.fail.yml` });
      expect(found[0]?.hint).toBeTruthy();
    });

    it(`${code} stays quiet on its passing fixture`, () => {
      const diagnostics = lintFixture(`${code}.pass.yml`);
      expect(diagnostics.filter((d) => d.code === code || d.severity === "error")).toEqual([]);
    });
  }

  it("can be turned off or made an error", () => {
    const text = readFileSync(path.join(fixtures, "plaintext-credential.fail.yml"), "utf8");
    expect(lintYaml(text, { rules: { "plaintext-credential": "off" } }).diagnostics).toEqual([]);
    const [d] = lintYaml(text, { rules: { "plaintext-credential": "error" } }).diagnostics;
    expect(d?.severity).toBe("error");
  });

  it("honours contrail-disable-next-line comments", () => {
    const text = readFileSync(path.join(fixtures, "plaintext-credential.fail.yml"), "utf8").replace(
      "    password: hunter2",
      "    # contrail-disable-next-line plaintext-credential\n    password: hunter2",
    );
    expect(lintYaml(text, {}).diagnostics).toEqual([]);
    const other = text.replace("next-line plaintext-credential", "next-line unknown-artifact");
    expect(lintYaml(other, {}).diagnostics.map((d) => d.code)).toEqual(["plaintext-credential"]);
  });

  it("plaintext-credential looks at the value as well as the key", () => {
    const text = [
      "resources:",
      "- name: api",
      "  type: mock",
      "  source:",
      "    REFRESH_ACCESS_TOKEN_ENDPOINT: https://login.example.com/oauth/token",
      "    token_url_like: http://example.com/?token=x",
      "    password: ((api.password))",
      "    secret: ''",
      "    api_key: true",
      "    token: 3600",
      "    access_key: 'false'",
      "    passphrase: '42'",
      "    private_key: https://user:hunter2@example.com/key",
      "    api_token: s3cr3t-value",
      "jobs:",
      "- name: use",
      "  plan:",
      "  - get: api",
    ].join("\n");
    const found = lintYaml(text, {}).diagnostics.filter((d) => d.code === "plaintext-credential");
    expect(found.map((d) => d.path)).toEqual(["resources.api.source.private_key", "resources.api.source.api_token"]);
  });

  it("runs on decoded configs through lintConfig, without positions", () => {
    const config = {
      resources: [{ name: "image", type: "docker-image", source: { repository: "x", password: "hunter2" } }],
      jobs: [{ name: "build", plan: [{ get: "image" }] }],
    } as PipelineConfig;
    const codes = lintConfig(config).map((d) => `${d.code} ${d.path} ${d.line ?? "-"}`);
    expect(codes).toEqual(["plaintext-credential resources.image.source.password -", "deprecated-docker-image resources.image.type -"]);
  });

  it("fires none of contrail's own codes on the blog pipeline; only the resource catalogue's true finding", () => {
    // The blog example's committed YAML (the seed post's pipeline, see seed.corpus.test.ts).
    const text = readFileSync(path.join(repoRoot, "packages/examples/blog/pipeline.yml"), "utf8");
    const diagnostics = lintYaml(text, { file: "pipeline.yml" }).diagnostics;
    expect(diagnostics.filter((d) => RULES[d.code]?.origin !== "resource")).toEqual([]);
    // registry-image's out.go fails a put that names no tag: the blog's push would fail today.
    expect(diagnostics.map((d) => [d.code, d.severity, d.path, d.line])).toEqual([
      ["registry-image-put-no-tag", "warning", "jobs.build-my-repo.plan[3].params", 63],
    ]);
  });
});
