/** The task-file resolver: artifact folders, one read per file, nothing outside the folders. */
import { describe, expect, it } from "vitest";
import { splitArtifactPath, taskFileSource } from "../../../packages/sdk/src/task-file/index.ts";

const TASK = "platform: linux\nrun: {path: repo/run.sh}\n";

function fakeFs(files: Record<string, string>, links: Record<string, string> = {}) {
  const reads: string[] = [];
  return {
    reads,
    readFile: (path: string) => {
      reads.push(path);
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return text;
    },
    exists: (path: string) => path in files,
    realPath: (path: string) => {
      for (const [from, to] of Object.entries(links)) if (path.startsWith(from)) return to + path.slice(from.length);
      if (!(path in files) && !Object.keys(files).some((f) => f.startsWith(`${path}/`))) throw new Error("ENOENT");
      return path;
    },
  };
}

describe("taskFileSource", () => {
  it("reads file: NAME/path from the artifact's folder, once per file", () => {
    const fs = fakeFs({ "/w/repo/ci/unit.yml": TASK, "/w/repo/run.sh": "" });
    const source = taskFileSource({ artifacts: { repo: "repo" }, cwd: "/w", ...fs });
    const a = source.lookup("repo/ci/unit.yml");
    const b = source.lookup("repo/./ci/unit.yml");
    expect(a).toMatchObject({ kind: "resolved", artifact: "repo", path: "repo/ci/unit.yml" });
    expect(a?.kind === "resolved" && b?.kind === "resolved" && a.taskFile === b.taskFile).toBe(true);
    expect(fs.reads).toEqual(["/w/repo/ci/unit.yml"]);
    expect([...source.files().keys()]).toEqual(["repo/ci/unit.yml"]);
    expect(source.exists("repo", "run.sh")).toBe(true);
    expect(source.exists("repo", "nope.sh")).toBe(false);
    expect(source.exists("other", "run.sh")).toBeUndefined();
  });

  it("says which mapped files are missing, and leaves unmapped or templated ones alone", () => {
    const source = taskFileSource({ artifacts: { repo: "/w/repo" }, ...fakeFs({ "/w/repo/x": "" }) });
    expect(source.lookup("repo/ci/gone.yml")).toEqual({ kind: "missing", artifact: "repo", path: "w/repo/ci/gone.yml" });
    expect(source.lookup("other/ci/unit.yml")).toBeUndefined();
    expect(source.lookup("repo/ci/((name)).yml")).toBeUndefined();
    expect(source.lookup("unit.yml")).toBeUndefined();
    expect(source.lookup("__proto__/x.yml")).toBeUndefined();
  });

  it("never reads outside the artifact's folder, through .. or a symlink", () => {
    const fs = fakeFs({ "/w/repo/x": "", "/etc/secret.yml": TASK }, { "/w/repo/link": "/etc" });
    const source = taskFileSource({ artifacts: { repo: "/w/repo" }, ...fs });
    // Found to lead outside (so lint says why it is not checked), and not read.
    expect(source.lookup("repo/../../etc/secret.yml")).toEqual({ kind: "outside", artifact: "repo", path: "etc/secret.yml" });
    expect(source.lookup("repo/link/secret.yml")).toEqual({ kind: "outside", artifact: "repo", path: "w/repo/link/secret.yml" });
    expect(source.exists("repo", "link/secret.yml")).toBeUndefined();
    expect(fs.reads).toEqual([]);
  });

  it("takes any artifact name, __proto__ included", () => {
    const artifacts = JSON.parse('{"__proto__": "/w/repo"}') as Record<string, string>;
    const source = taskFileSource({ artifacts, ...fakeFs({ "/w/repo/ci/unit.yml": TASK }) });
    expect(source.lookup("__proto__/ci/unit.yml")?.kind).toBe("resolved");
    expect(source.lookup("constructor/ci/unit.yml")).toBeUndefined();
  });

  it("splits paths as Concourse's FileConfigSource does", () => {
    expect(splitArtifactPath("repo/ci/a.yml")).toEqual({ artifact: "repo", rest: "ci/a.yml" });
    expect(splitArtifactPath("a.yml")).toBeUndefined();
    expect(splitArtifactPath("/abs/a.yml")).toBeUndefined();
  });
});
