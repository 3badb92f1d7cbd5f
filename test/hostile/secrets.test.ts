/**
 * Secrets stay secret, and hostile names cannot drive the terminal: diff, code frames and
 * messages mask credentials; URIs with userinfo are flagged; control characters are escaped
 * in every text output; Mermaid labels escape markup.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { FakeFly, runMain } from "../cli/fake-fly.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { Scratch } from "./scratch.ts";

const BLOG = "packages/examples/blog/pipeline.ts";
const ESC = "\u001b";
const HOSTILE = `evil${ESC}[2J${ESC}]0;pwned\u0007\r\u202egnp.exe`;
/** Raw control or bidi characters that must never reach a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let scratch: Scratch;
beforeAll(() => {
  scratch = new Scratch();
});
afterAll(() => scratch.dispose());

async function lint(text: string, ...flags: string[]) {
  const file = scratch.write(`p${Math.random().toString(36).slice(2)}.yml`, text);
  const io = captureIo(scratch.dir);
  const code = await main(["lint", file, ...flags], io);
  return { code, out: io.out, err: io.err };
}

describe("lint output masks credentials", () => {
  const PIPELINE = `resources:
- name: repo
  type: git
  source:
    uri: https://bob:ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/x/y.git
    password: hunter2
    private_key: |
      -----BEGIN OPENSSH PRIVATE KEY-----
      b3BlbnNzaC1rZXktdjEAAAAA
- name: image
  type: registry-image
  source: {repository: alpine, password: 987654321}
jobs:
- name: build
  plan:
  - get: repo
  - get: image
`;

  it("frames, messages and hints of plaintext-credential and resource-wrong-type print no secret", async () => {
    const r = await lint(PIPELINE);
    for (const secret of ["hunter2", "ghp_abcdefghijklmnopqrstuvwxyz0123", "b3BlbnNzaC1rZXktdjEAAAAA", "987654321"]) {
      expect(r.out + r.err).not.toContain(secret);
    }
    expect(r.out).toContain("password: <hidden>");
    expect(r.out).toContain("uri: https://bob:<hidden>@github.com/x/y.git");
    expect(r.out).toMatch(/'uri' holds a URI with a credential in its userinfo/);
    expect(r.out).toMatch(/resource-wrong-type: 'password' must be a string, not a number \(value hidden: it is a credential\)/);
  });

  it("a token in a URI's user part is flagged too; a ((var)) in it is not", async () => {
    const r = await lint(PIPELINE.replace("bob:ghp_abcdefghijklmnopqrstuvwxyz0123", "ghp_abcdefghijklmnopqrstuvwxyz0123"));
    expect(r.out).toMatch(/plaintext-credential: 'uri' holds a URI with a credential/);
    expect(r.out).not.toContain("ghp_abc");
    const clean = await lint(PIPELINE.replace("bob:ghp_abcdefghijklmnopqrstuvwxyz0123", "bob:((git_token))"));
    expect(clean.out).not.toMatch(/'uri' holds a URI/);
  });
});

describe("sdk diff shows that a credential changed, never its value", () => {
  it("Concourse's stored password (from set -v) and a changed token stay hidden", async () => {
    const fake = new FakeFly();
    try {
      const current = fake.write(
        "current.yml",
        `resources:
- name: my-image
  type: registry-image
  source:
    repository: docker.io/tlwr/my-image
    username: ((docker_hub_username))
    password: hunter2
- name: my-repo
  type: git
  source: {uri: "https://bob:oldtoken12345@github.com/tlwr/my-repo.git", branch: main}
jobs: []
`,
      );
      const r = await runMain(["diff", "-t", "ci", "-p", "blog", BLOG], fake, { FAKE_FLY_GET_PIPELINE: current });
      expect(r.code).toBe(1);
      expect(r.out + r.err).not.toMatch(/hunter2|oldtoken12345/);
      expect(r.out).toContain("  -   password: <hidden>\n  +   password: ((docker_hub_password))\n");
      expect(r.out).toContain("uri: https://bob:<hidden>@github.com/tlwr/my-repo.git");
    } finally {
      fake.dispose();
    }
  });
});

describe("control characters are escaped in every text output", () => {
  it("lint (message, path and frame)", async () => {
    const r = await lint(`jobs:\n- name: ${JSON.stringify(HOSTILE)}\n  plan: []\n`);
    expect(r.out).toContain("evil\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{d}\\u{202e}gnp.exe");
    expect(r.out).not.toMatch(RAW_CONTROL);
  });

  it("render errors of a pipeline.ts", async () => {
    const file = scratch.write(
      "hostile.ts",
      `import { Job, Pipeline } from "contrail";\nexport default new Pipeline({ jobs: [new Job(${JSON.stringify(HOSTILE)}, { plan: [] })] });\n`,
    );
    const io = captureIo(scratch.dir);
    await main(["render", file], io);
    expect(io.err).toContain("\\u{1b}[2J");
    expect(io.err).not.toMatch(RAW_CONTROL);
  });

  it("graph --format mermaid escapes markup, quotes, newlines and controls in labels", async () => {
    const file = scratch.write(
      "mermaid.yml",
      `resources:\n- name: "<script>alert(1)</script>"\n  type: git\n  source: {uri: x}\njobs:\n- name: "a\\"b\\nc${ESC}[31m"\n  plan:\n  - get: "<script>alert(1)</script>"\n`,
    );
    const io = captureIo(scratch.dir);
    expect(await main(["graph", file, "--format", "mermaid"], io)).toBe(0);
    expect(io.out).not.toContain("<script>");
    expect(io.out).toContain('"#60;script#62;alert(1)#60;/script#62;"');
    expect(io.out).toContain('"a#34;b#10;c#27;[31m"');
    expect(io.out).not.toMatch(RAW_CONTROL);
  });

  it("sdk diff", async () => {
    const fake = new FakeFly();
    try {
      const current = fake.write("current.yml", `jobs:\n- name: ${JSON.stringify(HOSTILE)}\n  plan: []\n`);
      const r = await runMain(["diff", "-t", "ci", "-p", "blog", BLOG], fake, { FAKE_FLY_GET_PIPELINE: current });
      expect(r.out).toContain("- job evil\\u{1b}[2J");
      expect(r.out).not.toMatch(RAW_CONTROL);
    } finally {
      fake.dispose();
    }
  });
});

describe("diff masking of two literal values", () => {
  it("a changed literal password shows as <changed>, an equal one as <hidden>", async () => {
    const { comparePipelines, formatChanges } = await import("../../packages/sdk/src/diff/index.ts");
    const resource = (password: string, token: string) => ({
      resources: [{ name: "r", type: "git", source: { uri: "x", password, private_key: token, branch: "main" } }],
    });
    const out = formatChanges(comparePipelines(resource("a", "same-key"), resource("b", "same-key")));
    expect(out).toContain("  -   password: <hidden>\n  +   password: <changed>\n");
    expect(out).toContain("      private_key: <hidden>\n");
    expect(out).not.toMatch(/same-key|password: a|password: b/);
  });
});
