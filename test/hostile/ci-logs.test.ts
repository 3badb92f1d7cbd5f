/**
 * Output that lands in a CI log: a pipeline from a pull request must not be able to forge
 * GitHub workflow commands there (an annotation, `add-mask`, `stop-commands`), in any format,
 * and a drift check must not print the credential it found changed. Through the binary.
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSdk } from "../helpers/run-sdk.ts";
import { noInternals, Scratch } from "./scratch.ts";

/**
 * The lines of `text` that GitHub's runner would take as a workflow command: starting with
 * `::` after blanks (TryParseV2), or holding the legacy `##[` anywhere (TryParse); see
 * actions/runner src/Runner.Common/ActionCommand.cs.
 */
function workflowCommands(text: string): string[] {
  return text.split("\n").filter((line) => line.trimStart().startsWith("::") || line.includes("##["));
}

let scratch: Scratch;
let injecting: string;
beforeAll(() => {
  scratch = new Scratch();
  // A resource name that closes the line and starts a command of its own, twice over.
  injecting = scratch.write(
    "inject.yml",
    'jobs:\n- name: a\n  plan:\n  - get: "nope\\n::error file=README.md,line=1::forged"\n  - get: "x ##[stop-commands]tok"\n',
  );
});
afterAll(() => scratch.dispose());

describe.concurrent("workflow commands cannot be forged", () => {
  it("text lint output: a name with a newline and '::', or '##[', starts no command", async () => {
    const r = await runSdk(["lint", injecting]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("unknown resource 'nope\n\\u{3a}:error file=README.md,line=1::forged'");
    expect(r.stdout).toContain("x \\u{23}#[stop-commands]tok");
    expect(workflowCommands(r.stdout + r.stderr)).toEqual([]);
  });

  it("--format github: only contrail's own commands, their data and properties escaped", async () => {
    // A file name holding what the properties are split on (',', ':'), '%' and a newline.
    const dir = fs.mkdtempSync(join(scratch.dir, "gh-"));
    const name = "50%,a:b\n::warning::x.yml";
    fs.copyFileSync(injecting, join(dir, name));
    const r = await runSdk(["lint", "--format", "github", name], { cwd: dir });
    expect(r.code).toBe(1);
    const commands = workflowCommands(r.stdout);
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) file=50%25%2Ca%3Ab%0A%3A%3Awarning%3A%3Ax\.yml,/);
    expect(r.stdout).toContain("unknown resource 'nope%0A::error file=README.md,line=1::forged'");
    expect(workflowCommands(r.stderr)).toEqual([]);
  });

  it("--format json and sarif keep the text exact (escaped as JSON), with no raw control character", async () => {
    const file = scratch.write("controls.yml", 'jobs:\n- name: a\n  plan:\n  - get: "n\\e[31m\\u202e\\0x"\n');
    const [json, sarif] = await Promise.all([runSdk(["lint", "--format", "json", file]), runSdk(["lint", "--format", "sarif", file])]);
    for (const r of [json, sarif]) {
      expect(r.code).toBe(1);
      expect([...r.stdout].filter((c) => c < " " && c !== "\n" && c !== "\t")).toEqual([]);
      expect(noInternals(r.stderr)).toBe(true);
    }
    const rows = JSON.parse(json.stdout) as { code: string; message: string }[];
    expect(rows.find((d) => d.code === "unknown-resource")?.message).toContain("n\u001b[31m\u202e\u0000x");
  });
});

describe.concurrent("the vars report", () => {
  it("shows var names from a vars file escaped, one line each, with no command or control character", async () => {
    const vars = scratch.write("hostile-vars.yml", '"\\e[31mevil\\u202e": 1\n"a\\n::error::forged": 2\n"b ##[add-mask]x": 3\n');
    const uses = scratch.write("uses-x.yml", "jobs:\n- name: a\n  plan:\n  - task: t\n    config: {platform: linux, run: {path: ((x))}}\n");
    const r = await runSdk(["lint", uses, "-l", vars, "--vars-report"]);
    expect(r.code).toBe(0);
    const report = r.stdout + r.stderr;
    expect(report).toContain("    \\u{1b}[31mevil\\u{202e} (");
    expect(report).toContain("    a\\u{a}::error::forged (");
    expect(report).toContain("    b \\u{23}#[add-mask]x (");
    expect([...report].filter((c) => c < " " && c !== "\n")).toEqual([]);
    expect(workflowCommands(report)).toEqual([]);
  });
});

describe.concurrent("sdk render --check in CI", () => {
  it("shows that a credential changed, never its old or new value, and escapes what would be a command", async () => {
    const dir = fs.mkdtempSync(join(scratch.dir, "check-"));
    const pipeline = (password: string) =>
      `import { Job, Pipeline, Resource } from "contrail";\nconst r = new Resource("repo", { type: "git", source: { uri: "https://x/y.git", password: "${password}", private_key: "-----BEGIN KEY-----\\n${password}\\n" } });\nexport default new Pipeline({ jobs: [new Job("a ##[stop-commands]tok", { plan: [r.get()] })] });\n`;
    fs.writeFileSync(join(dir, "pipeline.ts"), pipeline("hunter2old"));
    expect((await runSdk(["render", "pipeline.ts", "-o", "pipeline.yml"], { cwd: dir })).code).toBe(0);
    fs.writeFileSync(join(dir, "pipeline.ts"), pipeline("hunter2new"));
    const r = await runSdk(["render", "pipeline.ts", "--check", "-o", "pipeline.yml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("-    password: <hidden>\n+    password: <changed>\n");
    expect(r.stdout + r.stderr).not.toContain("hunter2");
    expect(r.stdout).toContain("\\u{23}#[stop-commands]tok");
    expect(workflowCommands(r.stdout + r.stderr)).toEqual([]);
  });
});
