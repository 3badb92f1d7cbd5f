/** `sdk graph` in-process, with a fake Io: every format, and bad input. */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { repoRoot } from "../helpers/paths.ts";
import { fixturePath } from "./corpus.ts";

const BLOG = "packages/examples/blog/pipeline.ts";

async function run(args: string[], cwd = repoRoot) {
  const io = captureIo(cwd);
  const code = await main(["graph", ...args], io);
  return { code, out: io.out, err: io.err };
}

describe("sdk graph", () => {
  it("prints an SVG of the blog by default", async () => {
    const { code, out, err } = await run([BLOG]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(out).toContain('data-job="build-my-repo"');
  });

  it.each([
    ["dot", /^digraph pipeline \{[\s\S]*"in:build-my-repo:my-repo" -> "job:build-my-repo" \[style=solid/],
    ["mermaid", /^flowchart LR\n[\s\S]*n2 --> n0/],
    ["html", /^<!DOCTYPE html>[\s\S]*<nav><\/nav>[\s\S]*<div class="view" data-view="0"><div class="stage"><svg /],
    ["svg", /^<svg /],
  ])("--format %s", async (format, expected) => {
    const { code, out } = await run([BLOG, "--format", format]);
    expect(code).toBe(0);
    expect(out).toMatch(expected);
  });

  it("takes the format from -o's extension and draws YAML files", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "contrail-graph-"));
    const file = fixturePath("fan-out.yml");
    for (const [name, start] of [
      ["g.svg", "<svg"],
      ["g.html", "<!DOCTYPE html>"],
      ["g.gv", "digraph"],
      ["g.mmd", "flowchart LR"],
    ] as const) {
      const { code, out } = await run([file, "-o", join(dir, name)]);
      expect(code).toBe(0);
      expect(out).toBe("");
      expect(fs.readFileSync(join(dir, name), "utf8").startsWith(start), name).toBe(true);
    }
    const dashed = fs.readFileSync(join(dir, "g.mmd"), "utf8");
    expect(dashed).toContain("-.->");
  });

  it("labels the HTML tabs as Concourse's groups bar does: one per group, by name, no extra 'all'", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "contrail-graph-"));
    const yaml = [
      "groups:",
      "- name: all",
      "  jobs: ['*']",
      "- name: ship",
      "  jobs: [ship]",
      "jobs:",
      "- name: build",
      "  plan: [{ get: src, trigger: true }, { put: img }]",
      "- name: ship",
      "  plan: [{ get: img, passed: [build], trigger: true }]",
      "resources:",
      "- { name: src, type: mock }",
      "- { name: img, type: mock }",
    ].join("\n");
    fs.writeFileSync(join(dir, "groups.yml"), yaml);
    const tabs = (html: string) =>
      [...html.matchAll(/<button type="button" class="tab" data-view="\d+">([^<]*)<\/button>/g)].map((m) => m[1]);
    const first = await run(["groups.yml", "--format", "html"], dir);
    expect(first.code).toBe(0);
    expect(tabs(first.out)).toEqual(["all", "ship"]);
    expect(first.out).toContain('<main data-initial="0">');
    const ship = await run(["groups.yml", "--format", "html", "--group", "ship"], dir);
    expect(tabs(ship.out)).toEqual(["all", "ship"]);
    expect(ship.out).toContain('<main data-initial="1">');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fails with one line and exit 2 for a missing file", async () => {
    const { code, err } = await run(["no/such/pipeline.yml"]);
    expect(code).toBe(2);
    expect(err).toBe("sdk graph: no such file: no/such/pipeline.yml\n");
  });

  it("fails with one line and exit 1 for an unknown group", async () => {
    const { code, err, out } = await run([BLOG, "--group", "nope"]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toBe("sdk graph: the pipeline has no groups (asked for 'nope')\n");
  });

  it("rejects an unknown format or extension with exit 2", async () => {
    const a = await run([BLOG, "--format", "png"]);
    expect(a.code).toBe(2);
    expect(a.err).toContain("sdk graph: --format must be one of svg, html, dot, mermaid, not 'png'");
    const b = await run([BLOG, "-o", "graph.txt"]);
    expect(b.code).toBe(2);
    expect(b.err).toContain("cannot tell the format from 'graph.txt'");
  });

  it("fails with exit 1 for a file that is not a pipeline", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "contrail-graph-"));
    fs.writeFileSync(join(dir, "bad.yml"), "jobs: [\n");
    const { code, err } = await run(["bad.yml"], dir);
    expect(code).toBe(1);
    expect(err).toMatch(/^sdk graph: bad.yml is not a pipeline: line \d+: .+\n$/);
  });
});
