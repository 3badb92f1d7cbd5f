/**
 * `--concourse VERSION`: every rule and message that differs between v7.11 and v8.3 (reference
 * section 9), on small pipelines of our own, and the flag and project setting through the CLI.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { parseConcourseVersion } from "../../packages/sdk/src/lint/concourse-version.ts";
import { lintYaml } from "../../packages/sdk/src/lint/index.ts";
import { loadVarSources } from "../../packages/sdk/src/vars/sources.ts";
import { captureIo } from "../helpers/capture-io.ts";

function version(text: string) {
  const v = parseConcourseVersion(text);
  if ("error" in v) throw new Error(v.error);
  return v;
}

/** `code: message` of each error and warning, for one version. */
function judge(text: string, v: string, vars: string[] = []): string[] {
  const sources = vars.length > 0 ? loadVarSources({ vars }, () => "").sources : undefined;
  return lintYaml(text, { concourse: version(v), vars: sources })
    .diagnostics.filter((d) => d.code !== "templating")
    .map((d) => `${d.severity} ${d.code}: ${d.message}`);
}

const RESOURCE = "resources:\n- name: repo\n  type: git\n  source: {uri: https://example.com/r.git}\n";
const job = (body: string) => `${RESOURCE}jobs:\n- name: build\n${body}`;

describe("rules that differ between v7.11 and v8.3", () => {
  it("passed: exact names and `unknown job` before v8.1, globs and `no matching job(s)` after", () => {
    const text = job("  plan:\n  - get: repo\n- name: test\n  plan:\n  - get: repo\n    passed: [buil*, nope]\n");
    expect(judge(text, "7.11")).toEqual([
      "error passed-unknown-job: jobs.test.plan.do[0].get(repo).passed: unknown job 'buil*'",
      "error passed-unknown-job: jobs.test.plan.do[0].get(repo).passed: unknown job 'nope'",
    ]);
    expect(judge(text, "8.3")).toEqual([
      "error passed-no-matching-job: jobs.test.plan.do[0].get(repo).passed: no matching job(s) for 'nope'",
    ]);
  });

  it("disable_reruns is a job field from v8.1", () => {
    const text = job("  disable_reruns: true\n  plan:\n  - get: repo\n");
    expect(judge(text, "8.0")).toEqual([
      'error decode-error: error unmarshaling JSON: while decoding JSON: json: unknown field "disable_reruns"',
    ]);
    expect(judge(text, "8.1")).toEqual([]);
  });

  it("tags on jobs, do and in_parallel from v8.3", () => {
    const onJob = job("  tags: [linux]\n  plan:\n  - get: repo\n");
    expect(judge(onJob, "8.2")).toEqual(['error decode-error: error unmarshaling JSON: while decoding JSON: json: unknown field "tags"']);
    expect(judge(onJob, "8.3")).toEqual([]);
    const onDo = job("  plan:\n  - do:\n    - get: repo\n    tags: [linux]\n  - in_parallel: [{get: repo}]\n    tags: [linux]\n");
    expect(judge(onDo, "7.11")).toEqual([
      'error unknown-fields: jobs.build.plan.do[0]: unknown fields ["tags"]',
      'error unknown-fields: jobs.build.plan.do[1]: unknown fields ["tags"]',
      "error repeated-get-name: jobs.build.plan.do[1].in_parallel.steps[0].get(repo): repeated name",
    ]);
    expect(judge(onDo, "8.3")).toEqual(["error repeated-get-name: jobs.build.plan.do[1].in_parallel.steps[0].get(repo): repeated name"]);
  });

  it("caches[].ttl from v8.2 (ignored before), unknown inline task config keys from v8.1", () => {
    const text = job(
      "  plan:\n  - get: repo\n  - task: t\n    config:\n      platform: linux\n      run: {path: ls}\n      caches: [{path: c, ttl: 0s}]\n      bogus: 1\n",
    );
    expect(judge(text, "8.0")).toEqual([]);
    expect(judge(text, "8.1")).toEqual(['error unknown-fields: jobs.build.plan.do[1].task(t).config: unknown fields ["bogus"]']);
    expect(judge(text, "8.2")).toEqual([
      "error decode-error: error unmarshaling JSON: while decoding JSON: malformed task step: cache ttl must be at least 1s, got '0s'",
    ]);
  });

  it("user_data is kept from v8.2, dropped before", () => {
    const text = `${job("  plan:\n  - get: repo\n")}user_data: {team: a}\n`;
    expect(judge(text, "8.1")).toEqual(["warning unknown-top-level-key: unknown top-level key 'user_data': Concourse drops it silently"]);
    expect(judge(text, "8.2")).toEqual([]);
  });

  it("run.path is required in v7 inline task configs", () => {
    const text = job("  plan:\n  - get: repo\n  - task: t\n    config:\n      platform: linux\n      run: {args: [x]}\n");
    expect(judge(text, "7.11")).toEqual([
      "error invalid-task-config: jobs.build.plan.do[1].task(t).config: missing path to executable to run",
    ]);
    expect(judge(text, "8.3")).toEqual([]);
  });

  it("across needs --enable-across-step on v7", () => {
    const text = job("  plan:\n  - get: repo\n    across: [{var: v, values: [a]}]\n");
    expect(judge(text, "7.11")).toEqual([
      "error across-not-enabled: jobs.build.plan.do[0].across: the across step must be explicitly opted-in to using the `--enable-across-step` flag",
    ]);
    expect(judge(text, "8.0")).toEqual([]);
  });

  it("identifiers: a leading digit warns before v7.14", () => {
    const text = job("  plan:\n  - get: repo\n- name: 2nd\n  plan: []\n");
    expect(judge(text, "7.11")).toEqual([
      "warning invalid-identifier: jobs.2nd: '2nd' is not a valid identifier: must start with a lowercase letter",
    ]);
    expect(judge(text, "8.3")).toEqual([]);
  });

  it("duplicate keys: v7's fly kept the last value, v8's refuses", () => {
    const text = job("  plan:\n  - get: repo\n    trigger: false\n    trigger: true\n");
    expect(judge(text, "7.11")).toEqual([
      'warning yaml-duplicate-key: mapping key "trigger" already defined at line 9; Concourse v7.11.0 keeps the last value',
    ]);
    expect(judge(text, "8.3")).toEqual(['error yaml-duplicate-key: mapping key "trigger" already defined at line 9']);
  });

  it("old-style {{x}} templates: substituted by v7's fly (unbound is an error), plain YAML in v8", () => {
    const text = job("  plan:\n  - get: repo\n    params: {depth: {{depth}}}\n");
    // The value goes in JSON-encoded: a -v value is the string "1".
    expect(judge(text, "7.11", ["depth=1"])).toEqual(["warning resource-wrong-type: 'depth' must be a number, not the string '1'"]);
    expect(judge(text, "7.11")).toEqual([
      "error var-interpolation: could not resolve old-style template vars: unbound variable in template: 'depth'",
    ]);
    expect(judge(text, "8.3", ["depth=1"])[0]).toMatch(/^error yaml-invalid-key: invalid map key/);
  });

  it("reads versions as people and fly write them, and refuses others", () => {
    expect(parseConcourseVersion("v7.11.2")).toEqual({ major: 7, minor: 11, patch: 2 });
    expect(parseConcourseVersion("8.3")).toEqual({ major: 8, minor: 3, patch: 0 });
    expect(parseConcourseVersion("9.0.0")).toEqual({ major: 8, minor: 3, patch: 0 });
    expect(parseConcourseVersion("7.4")).toEqual({ error: "Concourse v7.4.0 is older than contrail models (v7.11.0 to v8.3.0)" });
    expect(parseConcourseVersion("latest")).toEqual({ error: "'latest' is not a Concourse version; give one like 7.11 or 8.3.0" });
  });
});

describe("sdk lint --concourse and the project setting", () => {
  const text = job("  plan:\n  - get: repo\n    across: [{var: v, values: [a]}]\n");

  function project(settings: unknown): string {
    const dir = fs.mkdtempSync(join(tmpdir(), "contrail-versions-"));
    fs.writeFileSync(join(dir, "pipeline.yml"), text);
    if (settings !== undefined) fs.writeFileSync(join(dir, "package.json"), JSON.stringify(settings));
    return dir;
  }

  async function lint(dir: string, ...args: string[]) {
    const io = captureIo(dir);
    const code = await main(["lint", join(dir, "pipeline.yml"), ...args], io);
    fs.rmSync(dir, { recursive: true, force: true });
    return { code, out: io.out, err: io.err };
  }

  it("judges for the newest by default, for --concourse when given", async () => {
    expect((await lint(project(undefined))).code).toBe(0);
    const v7 = await lint(project(undefined), "--concourse", "7.11");
    expect(v7.code).toBe(1);
    expect(v7.out).toContain("error across-not-enabled");
  });

  it('reads "contrail": {"concourse": ...} from package.json; the flag wins', async () => {
    const fromSetting = await lint(project({ name: "p", contrail: { concourse: "7.11.3" } }));
    expect(fromSetting.code).toBe(1);
    expect(fromSetting.out).toContain("error across-not-enabled");
    expect((await lint(project({ contrail: { concourse: "7.11" } }), "--concourse", "8.3")).code).toBe(0);
  });

  it("says which setting is wrong", async () => {
    const flag = await lint(project(undefined), "--concourse", "six");
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("sdk lint: --concourse: 'six' is not a Concourse version");
    const setting = await lint(project({ contrail: { concourse: "6.7" } }));
    expect(setting.code).toBe(2);
    expect(setting.err).toMatch(/package\.json: "contrail\.concourse": Concourse v6\.7\.0 is older than contrail models/);
  });
});
