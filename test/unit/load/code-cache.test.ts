/**
 * The V8 code cache of the CLI's bundle (load/code-cache.ts) is treated like code: kept only
 * in the private cache folder, read only from a 0600 file of the user's own whose digest
 * matches, never through a link, and written anew (render still right) when it is torn,
 * corrupted or rejected by V8.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeCacheName, readTrustedCache } from "../../../packages/sdk/src/load/code-cache.ts";
import { repoRoot } from "../../helpers/paths.ts";
import { runSdk } from "../../helpers/run-sdk.ts";

let scratch = "";
beforeEach(() => {
  scratch = fs.mkdtempSync(join(tmpdir(), "contrail-code-cache-"));
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

const BUNDLE_SOURCE = "exports.main = async function main() { process.stdout.write(String(6 * 7)); return 0; };\n";

/** A tiny CommonJS bundle in place of the CLI's, and a private cache folder for it. */
function bundle(): { file: string; cache: string; env: Record<string, string> } {
  const file = join(scratch, "main.cjs");
  fs.writeFileSync(file, BUNDLE_SOURCE);
  const cache = join(scratch, "cache");
  return { file, cache, env: { CONTRAIL_CACHE_DIR: cache } };
}

const boot = join(repoRoot, "packages/sdk/dist/cli/boot.js");

/**
 * Runs the bundle as the bin does (the built dist/cli/boot.js: compile with the cache, call
 * `main`, persist), in a process of its own: within one V8 a second compile of the same
 * source comes from V8's memory, not from the cache file.
 */
function runOnce(file: string, env: Record<string, string>) {
  const script = `import { runCli } from ${JSON.stringify(pathToFileURL(boot).href)}; process.exitCode = await runCli(["render"], process.argv[1]);`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, file], {
    env: { PATH: process.env.PATH ?? "", ...env, CONTRAIL_DEBUG: "1" },
    encoding: "utf8",
  });
  const [, loaded, stored] = /contrail: code cache (\w+), (\w+)/.exec(child.stderr) ?? [];
  return { answer: Number(child.stdout), loaded, stored };
}

const cacheFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith("code-"));

/** The one cache file in `dir`. */
function onlyCacheFile(dir: string): string {
  const names = cacheFiles(dir);
  expect(names).toHaveLength(1);
  return join(dir, names[0] ?? "");
}

describe("the code cache", () => {
  it("leaves a placeholder on the first run, writes a 0600 cache on the second, uses it on the third", () => {
    const { file, cache, env } = bundle();
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "none", stored: "placeholder" });
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "none", stored: "written" });
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "used", stored: "none" });
    const path = onlyCacheFile(cache);
    expect(path.slice(cache.length + 1)).toMatch(new RegExp(`^${codeCacheName(BUNDLE_SOURCE, "render").slice(0, 28)}`));
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
  });

  it("is keyed by the bundle's content: a changed bundle gets a cache of its own and the old one goes", () => {
    const { file, env, cache } = bundle();
    runOnce(file, env);
    runOnce(file, env);
    const before = cacheFiles(cache);
    fs.writeFileSync(file, BUNDLE_SOURCE.replace("6 * 7", "7 * 6"));
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "none", stored: "placeholder" });
    expect(cacheFiles(cache)).not.toEqual(before);
    expect(cacheFiles(cache)).toHaveLength(1);
  });

  it("refuses a corrupted or torn file before V8 sees it, and writes it anew", () => {
    const { file, cache, env } = bundle();
    runOnce(file, env);
    runOnce(file, env);
    const path = onlyCacheFile(cache);
    const good = fs.readFileSync(path);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 0xff;
    fs.writeFileSync(path, flipped);
    expect(readTrustedCache(path)).toBe("untrusted");
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "refused", stored: "written" });
    fs.writeFileSync(path, good.subarray(0, 30));
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "refused", stored: "written" });
    expect(runOnce(file, env).loaded).toBe("used");
  });

  it("writes anew a cache V8 rejects (its digest is right, its bytes are not V8's)", () => {
    const { file, cache, env } = bundle();
    runOnce(file, env);
    const path = onlyCacheFile(cache);
    const bogus = Buffer.from("not a V8 code cache at all, but with a matching digest");
    fs.writeFileSync(path, Buffer.concat([createHash("sha1").update(bogus).digest(), bogus]), { mode: 0o600 });
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "rejected", stored: "written" });
    expect(runOnce(file, env).loaded).toBe("used");
  });

  it("does not read a cache file that others can write, or that is a link, and replaces the link, not its target", () => {
    const { file, cache, env } = bundle();
    runOnce(file, env);
    runOnce(file, env);
    const path = onlyCacheFile(cache);
    fs.chmodSync(path, 0o666);
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "refused", stored: "written" });
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
    const planted = join(scratch, "planted.v8");
    fs.copyFileSync(path, planted);
    fs.chmodSync(planted, 0o600);
    fs.rmSync(path);
    fs.symlinkSync(planted, path);
    const target = fs.readFileSync(planted);
    expect(runOnce(file, env)).toEqual({ answer: 42, loaded: "refused", stored: "written" });
    expect(fs.lstatSync(path).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(planted)).toEqual(target);
  });

  it("uses no folder that is a link, someone else's or open to others, and none under CONTRAIL_NO_CACHE", () => {
    const { file } = bundle();
    const elsewhere = join(scratch, "elsewhere");
    fs.mkdirSync(elsewhere, { mode: 0o700 });
    const link = join(scratch, "link");
    fs.symlinkSync(elsewhere, link);
    const open = join(scratch, "open");
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    const dirs = [link, open];
    if (process.getuid?.() === 0) {
      const theirs = join(scratch, "theirs");
      fs.mkdirSync(theirs, { mode: 0o700 });
      fs.chownSync(theirs, 65534, 65534);
      dirs.push(theirs);
    }
    for (const dir of dirs) {
      for (let run = 0; run < 2; run++) {
        expect(runOnce(file, { CONTRAIL_CACHE_DIR: dir })).toEqual({ answer: 42, loaded: "none", stored: "none" });
      }
      expect(cacheFiles(dir)).toEqual([]);
    }
    expect(cacheFiles(elsewhere)).toEqual([]);
    const off = join(scratch, "off");
    expect(runOnce(file, { CONTRAIL_CACHE_DIR: off, CONTRAIL_NO_CACHE: "1" })).toEqual({ answer: 42, loaded: "none", stored: "none" });
    expect(fs.existsSync(off)).toBe(false);
  });
});

describe("sdk render through the code cache (the bin, as a user runs it)", () => {
  it("renders the same YAML with no cache, a fresh one, a used one and a corrupted one", async () => {
    const cache = join(scratch, "cache");
    const render = async () => {
      const run = await runSdk(["render", "packages/examples/blog/pipeline.ts"], {
        env: { CONTRAIL_CACHE_DIR: cache, CONTRAIL_DEBUG: "1" },
      });
      expect(run.code).toBe(0);
      return { yaml: run.stdout, state: /contrail: code cache (\w+), (\w+)/.exec(run.stderr)?.slice(1) };
    };
    const first = await render();
    expect(first.state).toEqual(["none", "placeholder"]);
    expect(first.yaml).toContain("name: build-my-repo");
    expect(await render()).toEqual({ yaml: first.yaml, state: ["none", "written"] });
    expect(await render()).toEqual({ yaml: first.yaml, state: ["used", "none"] });
    // One cache for the CLI's render and one for jiti (load/jiti-loader.ts). None for
    // sucrase: on the first render a worker thread transpiled the file (load/pretranspile.ts),
    // and jiti's cache has it since.
    const names = cacheFiles(cache).sort();
    expect(names).toEqual([
      expect.stringMatching(/^code-jiti-/),
      expect.stringMatching(/^code-render-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-[0-9a-f]{8}\.v8$/),
    ]);
    expect(fs.statSync(join(cache, names[0] ?? "")).size).toBeGreaterThan(1000);
    const path = join(cache, names[1] ?? "");
    fs.writeFileSync(path, Buffer.alloc(fs.statSync(path).size, 0x41));
    expect(await render()).toEqual({ yaml: first.yaml, state: ["refused", "written"] });
    expect(await render()).toEqual({ yaml: first.yaml, state: ["used", "none"] });
    const off = await runSdk(["render", "packages/examples/blog/pipeline.ts"], { env: { CONTRAIL_NO_CACHE: "1", CONTRAIL_DEBUG: "1" } });
    expect(off.stdout).toBe(first.yaml);
    expect(off.stderr).toContain("contrail: code cache none, none");
  });
});
