/**
 * `sdk import` writes what a person would, and the result renders back through the CLI:
 * names by meaning (qualified by job, never numbered), no shadowing of contrail's exports,
 * YAML anchors as one const, top-level keys Concourse ignores left out with a comment, and
 * resources in the input's order.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/paths.ts";
import { sdkInProcess as sdk } from "../../import/harness.ts";

// Inside the repository, so that the generated file resolves `contrail` as a user's would.
const DIR = join(repoRoot, "test/import/.tmp/person-style");

const PIPELINE = `
meta:
  image: &tools-image
    type: registry-image
    source: { repository: example/tools, tag: "1.0" }
  params: &deploy-params
    REGION: eu-west-1
    USER: ((deploy_user))
resources:
- name: zeta-repo
  type: git
  source: { uri: "https://example.com/zeta.git" }
- name: alpha-repo
  type: git
  source: { uri: "https://example.com/alpha.git" }
jobs:
- name: unit-tests
  plan:
  - get: alpha-repo
    trigger: true
  - task: test
    config:
      platform: linux
      image_resource: *tools-image
      inputs: [{ name: alpha-repo }]
      run: { path: make, args: [test] }
- name: deploy
  plan:
  - get: alpha-repo
    passed: [unit-tests]
  - get: zeta-repo
  - task: deploy
    config:
      platform: linux
      image_resource: *tools-image
      inputs: [{ name: alpha-repo }, { name: zeta-repo }]
      params:
        <<: *deploy-params
        TARGET: prod
      run: { path: make, args: [deploy] }
  - task: smoke
    config:
      platform: linux
      image_resource: *tools-image
      inputs: [{ name: alpha-repo }]
      params: *deploy-params
      run: { path: make, args: [smoke] }
`;

describe("sdk import writes what a person would", async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(join(DIR, "pipeline.yml"), PIPELINE);
  const imported = await sdk(["import", join(DIR, "pipeline.yml"), "-o", join(DIR, "pipeline.ts")]);
  const source = fs.existsSync(join(DIR, "pipeline.ts")) ? fs.readFileSync(join(DIR, "pipeline.ts"), "utf8") : "";
  afterAll(() => {
    if (!process.env["KEEP"]) fs.rmSync(DIR, { recursive: true, force: true });
  });

  it("imports without errors", () => {
    expect(imported.code).toBe(0);
  });

  it("names a second get of a resource after its job, never with a counter", () => {
    expect(source).toContain("const alphaRepoGet = alphaRepo.get({ trigger: true });");
    expect(source).toContain("const alphaRepoForDeploy = alphaRepo.get({ passed: [unitTests] });");
    expect(source).not.toMatch(/\w\d+ = /);
  });

  it("does not shadow contrail's `vars`", () => {
    expect(source).toContain('const secrets = defineVars("deploy_user");');
    expect(source).not.toMatch(/const vars\b/);
  });

  it("turns each anchor used twice or more into one const, spread where it was merged", () => {
    expect(source).toContain('const toolsImage = { repository: "example/tools", tag: "1.0" };');
    expect(source).toContain('const deployParams = { REGION: "eu-west-1", USER: secrets.deploy_user };');
    expect(source.match(/image: toolsImage/g)).toHaveLength(3);
    expect(source).toContain('params: { ...deployParams, TARGET: "prod" }');
    expect(source).toContain("params: deployParams");
  });

  it("leaves out the meta: key Concourse ignores, with a comment naming the consts", () => {
    expect(source).toContain(
      "// Left out the top-level key 'meta': Concourse ignores keys it does not know (&tools-image is the const toolsImage, &deploy-params is the const deployParams).",
    );
    expect(source).not.toContain("extra");
    expect(imported.err).toContain("info import-dropped-key");
  });

  it("renders back through the CLI in the input's resource order", async () => {
    expect(source).toContain("resources: [zetaRepo, alphaRepo]");
    const rendered = await sdk(["render", join(DIR, "pipeline.ts"), "--format", "json"]);
    expect(rendered.err).toBe("");
    expect(rendered.code).toBe(0);
    const config = JSON.parse(rendered.out) as { resources: { name: string }[]; jobs: { plan: Record<string, unknown>[] }[] };
    expect(config.resources.map((r) => r.name)).toEqual(["zeta-repo", "alpha-repo"]);
    expect(config).not.toHaveProperty("meta");
    const deploy = config.jobs[1]?.plan[2] as { config: { params: unknown; image_resource: unknown } };
    expect(deploy.config.params).toEqual({ REGION: "eu-west-1", USER: "((deploy_user))", TARGET: "prod" });
    expect(deploy.config.image_resource).toEqual({ type: "registry-image", source: { repository: "example/tools", tag: "1.0" } });
  });
});

describe("sdk import names across vars", () => {
  const ACROSS = `
resources:
- name: repo
  type: git
  source: { uri: "https://example.com/repo.git" }
jobs:
- name: matrix
  plan:
  - get: repo
  - task: test
    across:
    - var: go_version
      values: ["1.21", "1.22"]
    file: repo/ci/test.yml
    vars: { go: ((.:go_version)) }
    params: { GO_VERSION: "go((.:go_version))" }
`;

  it("as consts used where the step reads them, rendering back the same", async () => {
    const dir = join(DIR, "across");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(join(dir, "pipeline.yml"), ACROSS);
    const imported = await sdk(["import", join(dir, "pipeline.yml"), "-o", join(dir, "pipeline.ts")]);
    expect(imported.code).toBe(0);
    const source = fs.readFileSync(join(dir, "pipeline.ts"), "utf8");
    expect(source).toContain('const goVersion = acrossVar("go_version", ["1.21", "1.22"]);');
    expect(source).toContain("vars: { go: goVersion }");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated TypeScript holds a template literal.
    expect(source).toContain("params: { GO_VERSION: `go${goVersion}` }");
    expect(source).toContain("across: [goVersion]");
    const rendered = await sdk(["render", join(dir, "pipeline.ts"), "--format", "json"]);
    expect(rendered.err).toBe("");
    const task = (JSON.parse(rendered.out) as { jobs: { plan: Record<string, unknown>[] }[] }).jobs[0]?.plan[1];
    expect(task).toMatchObject({
      across: [{ var: "go_version", values: ["1.21", "1.22"] }],
      vars: { go: "((.:go_version))" },
      params: { GO_VERSION: "go((.:go_version))" },
    });
  });
});

describe("sdk import keeps the order of resource types", () => {
  const TYPES = `
resource_types:
- name: zeta-type
  type: registry-image
  source: { repository: example/zeta-resource }
- name: alpha-type
  type: registry-image
  source: { repository: example/alpha-resource }
resources:
- name: alpha
  type: alpha-type
  source: {}
- name: zeta
  type: zeta-type
  source: {}
jobs:
- name: use
  plan:
  - get: alpha
  - get: zeta
`;

  it("as declared, though the resources use them the other way round", async () => {
    const dir = join(DIR, "types");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(join(dir, "pipeline.yml"), TYPES);
    expect((await sdk(["import", join(dir, "pipeline.yml"), "-o", join(dir, "pipeline.ts")])).code).toBe(0);
    const source = fs.readFileSync(join(dir, "pipeline.ts"), "utf8");
    expect(source).toContain("resourceTypes: [zetaType, alphaType]");
    const rendered = await sdk(["render", join(dir, "pipeline.ts"), "--format", "json"]);
    expect(rendered.err).toBe("");
    const config = JSON.parse(rendered.out) as { resource_types: { name: string }[]; resources: { name: string }[] };
    expect(config.resource_types.map((t) => t.name)).toEqual(["zeta-type", "alpha-type"]);
    expect(config.resources.map((r) => r.name)).toEqual(["alpha", "zeta"]);
  });
});

describe("sdk import writes a repeated block (not an anchor) once", async () => {
  const REPEATED = `
resources:
- name: app-image
  type: registry-image
  source: { repository: example/app, username: ((registry_user)), password: ((registry_password)) }
- name: app-image-rc
  type: registry-image
  source: { repository: example/app, username: ((registry_user)), password: ((registry_password)) }
jobs:
- name: publish
  plan:
  - get: app-image
  - put: app-image-rc
    params: { image: app-image/image.tar, additional_tags: app-image/tags, bump_aliases: true }
- name: republish
  plan:
  - get: app-image
  - put: app-image-rc
    params: { image: app-image/image.tar, additional_tags: app-image/tags, bump_aliases: true }
`;
  const dir = join(repoRoot, "test/import/.tmp/repeated-blocks");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(join(dir, "pipeline.yml"), REPEATED);
  const imported = await sdk(["import", join(dir, "pipeline.yml"), "-o", join(dir, "pipeline.ts")]);
  const source = fs.existsSync(join(dir, "pipeline.ts")) ? fs.readFileSync(join(dir, "pipeline.ts"), "utf8") : "";
  afterAll(() => {
    if (!process.env["KEEP"]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("declares the repeated source once and uses it in both resources", () => {
    expect(imported.code).toBe(0);
    // Named after the resource that holds its first copy, never with a counter.
    expect(source).toMatch(/const appImageSource = \{/);
    expect(source.match(/source: appImageSource/g)).toHaveLength(2);
    expect(source).not.toMatch(/\w\d+ = /);
  });

  it("renders back through the CLI to the same pipeline", async () => {
    const rendered = await sdk(["render", join(dir, "pipeline.ts"), "--format", "json"]);
    expect(rendered.code).toBe(0);
    const config = JSON.parse(rendered.out) as { resources: { name: string; source: unknown }[] };
    const expected = { repository: "example/app", username: "((registry_user))", password: "((registry_password))" };
    expect(config.resources.map((r) => r.source)).toEqual([expected, expected]);
  });
});
