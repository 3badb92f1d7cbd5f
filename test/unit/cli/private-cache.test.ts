/**
 * jiti's cache of a transpiled pipeline.ts stays private (issue 13): created 0700 with 0600
 * files, and a folder that is a symlink, owned by someone else or open to others is refused
 * (the file loads without a cache, with a warning naming the fix).
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { cacheDirFor, cacheFileNames, choosePrivateCache, tightenCacheFiles } from "../../../packages/sdk/src/load/private-cache.ts";
import { captureIo } from "../../helpers/capture-io.ts";
import { repoRoot } from "../../helpers/paths.ts";

let scratch = "";
beforeEach(() => {
  scratch = fs.mkdtempSync(join(tmpdir(), "contrail-cache-test-"));
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

const mode = (path: string) => fs.statSync(path).mode & 0o777;

/** Renders a pipeline.ts of its own (a new path, so that no module cache of jiti's hides the file cache). */
async function renderFresh(cacheDir: string) {
  const file = join(scratch, "pipeline.ts");
  fs.writeFileSync(
    file,
    'import { Job, Pipeline, Task } from "contrail";\nconst password = "hunter2-inline";\nexport default new Pipeline({ jobs: [new Job("cached", { plan: [new Task("t", { image: { repository: "busybox" }, run: { path: "echo", args: [password] } })] })] });\n',
  );
  const io = captureIo(repoRoot, { env: { CONTRAIL_CACHE_DIR: cacheDir } });
  const code = await main(["render", file], io);
  return { code, out: io.out, err: io.err };
}

describe("the cache folder", () => {
  it("is $CONTRAIL_CACHE_DIR, else under $XDG_CACHE_HOME, else under ~/.cache, else none", () => {
    expect(cacheDirFor({ CONTRAIL_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x", HOME: "/h" })).toBe("/c");
    expect(cacheDirFor({ XDG_CACHE_HOME: "/x", HOME: "/h" })).toBe("/x/contrail/jiti");
    expect(cacheDirFor({ HOME: "/h" })).toBe("/h/.cache/contrail/jiti");
    expect(cacheDirFor({})).toBeUndefined();
    expect(choosePrivateCache({ HOME: "/h", CONTRAIL_NO_CACHE: "1" })).toEqual({ dir: false });
  });

  it("is created with mode 0700, parents too", () => {
    const dir = join(scratch, "a", "b");
    expect(choosePrivateCache({ CONTRAIL_CACHE_DIR: dir })).toEqual({ dir });
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(scratch, "a"))).toBe(0o700);
  });

  it("is refused when others can read or write it", () => {
    const dir = join(scratch, "open");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    const choice = choosePrivateCache({ CONTRAIL_CACHE_DIR: dir });
    expect(choice.dir).toBe(false);
    expect("warning" in choice && choice.warning).toBe(
      `warning: not using the cache folder ${dir}: its mode is 0777, so others can use it (it must be 0700). Loading without a cache (slower). Remove the folder, run 'chmod 700 ${dir}' if it is yours, or set CONTRAIL_CACHE_DIR to a folder of your own.`,
    );
  });

  it("is refused when it is a symbolic link or not a directory", () => {
    const target = join(scratch, "target");
    fs.mkdirSync(target, { mode: 0o700 });
    fs.symlinkSync(target, join(scratch, "link"));
    expect(choosePrivateCache({ CONTRAIL_CACHE_DIR: join(scratch, "link") })).toMatchObject({
      dir: false,
      warning: expect.stringContaining(": it is a symbolic link."),
    });
    fs.writeFileSync(join(scratch, "file"), "");
    expect(choosePrivateCache({ CONTRAIL_CACHE_DIR: join(scratch, "file") })).toMatchObject({
      dir: false,
      warning: expect.stringContaining("cannot be created (EEXIST)"),
    });
  });

  it.skipIf(process.getuid?.() !== 0)("is refused when someone else owns it (run as root: chown works)", () => {
    const dir = join(scratch, "theirs");
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.chownSync(dir, 65534, 65534);
    expect(choosePrivateCache({ CONTRAIL_CACHE_DIR: dir })).toMatchObject({
      dir: false,
      warning: expect.stringContaining(`: it is owned by uid 65534, not by you (uid ${process.getuid?.()})`),
    });
  });

  it("gets its files made 0600", () => {
    const dir = join(scratch, "c");
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(join(dir, "x.mjs"), "code", { mode: 0o644 });
    tightenCacheFiles(dir);
    expect(mode(join(dir, "x.mjs"))).toBe(0o600);
  });

  it("leaves alone the files that were there before the load, and tightens the new ones", () => {
    const dir = join(scratch, "before");
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(join(dir, "old.mjs"), "code", { mode: 0o644 });
    const before = cacheFileNames(dir);
    fs.writeFileSync(join(dir, "new.mjs"), "code", { mode: 0o644 });
    tightenCacheFiles(dir, fs, before);
    expect([mode(join(dir, "old.mjs")), mode(join(dir, "new.mjs"))]).toEqual([0o644, 0o600]);
    expect(cacheFileNames(join(dir, "no-such-folder")).size).toBe(0);
  });

  it("does not fail when another contrail process removes a file while it looks (a code cache renamed into place)", () => {
    const dir = join(scratch, "racing");
    fs.mkdirSync(dir, { mode: 0o700 });
    for (const name of ["a.mjs", "gone.v8", "b.mjs"]) fs.writeFileSync(join(dir, name), "code", { mode: 0o644 });
    const chmodded: string[] = [];
    const racing = {
      readdirSync: (d: string) => fs.readdirSync(d),
      lstatSync: (path: string) => {
        if (path.endsWith("gone.v8"))
          throw Object.assign(new Error(`ENOENT: no such file or directory, lstat '${path}'`), { code: "ENOENT" });
        return fs.lstatSync(path);
      },
      chmodSync: (path: string, m: number) => {
        chmodded.push(path.slice(dir.length + 1));
        fs.chmodSync(path, m);
      },
    };
    expect(() => tightenCacheFiles(dir, racing)).not.toThrow();
    expect(chmodded.sort()).toEqual(["a.mjs", "b.mjs"]);
    expect(() => tightenCacheFiles(join(dir, "no-such-folder"))).not.toThrow();
  });
});

describe("sdk render and the cache", () => {
  it("writes the transpiled pipeline.ts only into a private folder, files 0600", async () => {
    const dir = join(scratch, "cache");
    const { code, out } = await renderFresh(dir);
    expect(code).toBe(0);
    expect(out).toContain("name: cached");
    expect(mode(dir)).toBe(0o700);
    const files = fs.readdirSync(dir);
    // The transpiled file, and (load/code-cache.ts) jiti's code cache or its placeholder.
    const transpiled = files.filter((file) => !file.startsWith("code-"));
    expect(transpiled.length).toBe(1);
    expect(files.filter((file) => file.startsWith("code-jiti-")).length).toBeLessThanOrEqual(1);
    for (const file of files) expect(mode(join(dir, file)), file).toBe(0o600);
    for (const file of transpiled) expect(fs.readFileSync(join(dir, file), "utf8")).toContain("hunter2-inline");
  });

  it("renders without a cache, with a warning, when the folder is open to others; and writes nothing there", async () => {
    const dir = join(scratch, "shared");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o1777);
    const { code, out, err } = await renderFresh(dir);
    expect(code).toBe(0);
    expect(out).toContain("name: cached");
    expect(err).toContain(`warning: not using the cache folder ${dir}: its mode is 0777, so others can use it`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
