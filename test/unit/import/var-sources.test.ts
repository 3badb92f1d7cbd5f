/**
 * `var_sources` import typed (`varSources`) only when every entry compiles as contrail's
 * typed var sources; a manager contrail does not type (credhub), an unknown key, a `null`
 * or a `((var))` where a boolean belongs keeps the list in `extra`, so that the import
 * still type-checks. Both render back to the input through the CLI.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { typeCheckFiles } from "../../../packages/sdk/src/import/typecheck.ts";
import { typedVarSourceFits } from "../../../packages/sdk/src/import/var-sources.ts";
import type { JsonValue } from "../../../packages/sdk/src/model/common.ts";
import { repoRoot } from "../../helpers/paths.ts";
import { meaningDifference, readYaml, sdkInProcess as sdk } from "../../import/harness.ts";

const DIR = join(repoRoot, "test/import/.tmp/var-sources");

const JOBS = `
resources:
- name: repo
  type: git
  source: { uri: "https://example.com/repo.git", password: ((vault:repo.password)) }
jobs:
- name: test
  plan:
  - get: repo
`;

const TYPED = `var_sources:
- name: vault
  type: vault
  config:
    url: https://vault.example.com:8200
    auth_backend: approle
    auth_params: { role_id: abc, secret_id: ((approle_secret)) }
    insecure_skip_verify: true
- name: aws
  type: ssm
  config: { region: eu-west-1 }
${JOBS}`;

// Both valid in Concourse (vars are filled in before the config is decoded; null is "not
// set"), neither compiles as the typed option.
const UNTYPED = `var_sources:
- name: vault
  type: vault
  config:
    url: https://vault.example.com:8200
    client_token: ((vault_token))
    insecure_skip_verify: ((skip_tls))
- name: aws
  type: ssm
  config: { region: null }
${JOBS}`;

describe("typedVarSourceFits", () => {
  it("takes the typed managers with their known keys and types", () => {
    expect(typedVarSourceFits({ name: "v", type: "vault", config: { url: "https://v", lookup_templates: ["/a"] } })).toBe(true);
    expect(typedVarSourceFits({ name: "s", type: "ssm" })).toBe(true);
    expect(typedVarSourceFits({ name: "d", type: "dummy", config: { vars: { a: 1, b: { c: [1] } } } })).toBe(true);
    expect(typedVarSourceFits({ name: "i", type: "idtoken", config: { audience: ["sts"], algorithm: "ES256" } })).toBe(true);
  });

  it("refuses what would not compile", () => {
    expect(typedVarSourceFits({ name: "c", type: "credhub", config: { url: "https://c" } })).toBe(false);
    expect(typedVarSourceFits({ name: "v", type: "vault" })).toBe(false);
    expect(typedVarSourceFits({ name: "v", type: "vault", config: { url: "https://v", insecure_skip_verify: "((x))" } })).toBe(false);
    expect(typedVarSourceFits({ name: "v", type: "vault", config: { url: "https://v", typo: "x" } })).toBe(false);
    expect(typedVarSourceFits({ name: "v", type: "vault", config: { url: null } })).toBe(false);
    expect(typedVarSourceFits({ name: "i", type: "idtoken", config: { algorithm: "HS256" } })).toBe(false);
    expect(typedVarSourceFits({ name: "d", type: "dummy", config: {} })).toBe(false);
  });
});

describe("sdk import of var_sources", async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries({ typed: TYPED, untyped: UNTYPED })) {
    fs.writeFileSync(join(DIR, `${name}.yml`), text);
    const imported = await sdk(["import", join(DIR, `${name}.yml`), "-o", join(DIR, `${name}.ts`)]);
    if (imported.code !== 0) throw new Error(imported.err);
    files[name] = fs.readFileSync(join(DIR, `${name}.ts`), "utf8");
  }
  afterAll(() => {
    if (!process.env["KEEP"]) fs.rmSync(DIR, { recursive: true, force: true });
  });

  it("writes typed var sources as varSources", () => {
    expect(files["typed"]).toMatch(/varSources: \[\n\s+\{\n\s+name: "vault",\n\s+type: "vault",/);
    expect(files["typed"]).not.toContain("extra");
  });

  it("keeps a list with an entry that would not compile in extra", () => {
    expect(files["untyped"]).toContain("extra: {\n    var_sources: [");
    expect(files["untyped"]).not.toContain("varSources");
  });

  it("type-checks both", async () => {
    const checked = await typeCheckFiles(
      ["typed", "untyped"].map((n) => join(DIR, `${n}.ts`)),
      join(repoRoot, "tsconfig.json"),
    );
    expect(checked.map((c) => c.errors)).toEqual([[], []]);
  }, 60_000);

  it.each(["typed", "untyped"])("renders %s back through the CLI to the same pipeline", async (name) => {
    const rendered = await sdk(["render", join(DIR, `${name}.ts`), "--format", "json"]);
    expect(rendered.err).toBe("");
    expect(rendered.code).toBe(0);
    const original = readYaml(fs.readFileSync(join(DIR, `${name}.yml`), "utf8"));
    expect(meaningDifference(original, JSON.parse(rendered.out) as JsonValue)).toBeUndefined();
  });
});
