/**
 * `sdk render` and `sdk graph` with fly's var flags, through the CLI: render checks the vars
 * but keeps `((vars))` in its output unless --vars-inline asks for the values; graph draws
 * the pipeline as fly would send it.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "../helpers/paths.ts";

const BLOG = "packages/examples/blog/pipeline.ts";

async function sdk(...args: string[]) {
  const io = captureIo(repoRoot);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe("sdk render with var flags", () => {
  it("keeps ((vars)) in the output by default, so that secrets are not written by accident", async () => {
    const r = await sdk("render", BLOG, "-v", "docker_hub_username=me", "-v", "docker_hub_password=hunter2");
    expect(r.code).toBe(0);
    expect(r.out).toContain("password: ((docker_hub_password))");
    expect(r.out + r.err).not.toContain("hunter2");
  });

  it("puts the values in with --vars-inline", async () => {
    const r = await sdk("render", BLOG, "-v", "docker_hub_username=me", "-v", "docker_hub_password=hunter2", "--vars-inline");
    expect(r.code).toBe(0);
    expect(r.out).toContain("username: me\n");
    expect(r.out).toContain("password: hunter2\n");
    expect(r.out).not.toContain("((docker_hub_");
  });

  it("reports what the vars break, as fly would fill them in", async () => {
    const r = await sdk("render", BLOG, "-y", "docker_hub_password={not: a string}");
    expect(r.err).toContain("resources.my-image.source.password: warning resource-wrong-type: 'password' must be a string, not an object");
    const whole = await sdk("render", "packages/examples/blog/pipeline.ts", "-y", "docker_hub_username=[a]", "--vars-inline");
    expect(whole.code).toBe(0);
    expect(whole.out).toContain("username:\n    - a");
  });

  it("--vars-inline without vars is a usage error", async () => {
    const r = await sdk("render", BLOG, "--vars-inline");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--vars-inline needs vars");
  });
});

describe("sdk graph with var flags", () => {
  it("draws the resource a var names", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "contrail-graph-vars-"));
    const file = join(dir, "p.yml");
    fs.writeFileSync(file, "resources:\n- name: ((r))\n  type: git\n  source: {uri: x}\njobs:\n- name: j\n  plan:\n  - get: ((r))\n");
    const plain = await sdk("graph", file, "-f", "mermaid");
    const filled = await sdk("graph", file, "-f", "mermaid", "-v", "r=repo");
    fs.rmSync(dir, { recursive: true, force: true });
    expect(plain.out).toContain('("((r))")');
    expect(filled.code).toBe(0);
    expect(filled.out).toContain('n1("repo"):::resource');
  });
});
