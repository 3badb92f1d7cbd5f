import { describe, expect, it } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { importPipeline } from "../../../packages/sdk/src/import/index.ts";
import { camelCase, NameAllocator } from "../../../packages/sdk/src/import/names.ts";
import { orderJobs } from "../../../packages/sdk/src/import/order.ts";
import type { Io } from "../../../packages/sdk/src/io/io.ts";

describe("names", () => {
  it("camelCases Concourse names into valid identifiers", () => {
    expect(camelCase("build-my-repo")).toBe("buildMyRepo");
    expect(camelCase("RUBY_version")).toBe("rubyVersion");
    expect(camelCase("1password")).toBe("x1password");
    expect(camelCase("---")).toBe("x");
    expect(camelCase("élan-vital")).toBe("élanVital");
  });

  it("never hands out a name twice, nor a reserved word", () => {
    const names = new NameAllocator();
    names.reserve("Pipeline");
    expect(names.allocate("build", "Job")).toBe("build");
    expect(names.allocate("build", "Task")).toBe("buildTask");
    expect(names.allocate("build", "Task")).toBe("buildTask2");
    expect(names.allocate("default", "Job")).toBe("defaultJob");
    expect(names.allocate("pipeline", "Job")).toBe("pipeline");
  });

  it("qualifies a name taken elsewhere by where it is, before numbering it", () => {
    const names = new NameAllocator();
    expect(names.allocate("repo", "Resource")).toBe("repo");
    expect(names.allocate("repo", "Get", ["unit-tests"])).toBe("repoGet");
    expect(names.allocate("repo", "Get", ["build"])).toBe("repoForBuild");
    expect(names.allocate("repo", "Get", ["build"])).toBe("repoGetForBuild");
    expect(names.allocate("repo", "Get", ["build"])).toBe("repoGet2");
  });
});

describe("job order", () => {
  const job = (name: string, passed: string[] = []) => ({ name, plan: passed.length ? [{ get: "r", passed }] : [] });

  it("declares jobs after the jobs their passed: names", () => {
    const order = orderJobs([job("deploy", ["test"]), job("test", ["unit"]), job("unit")]);
    expect(order.map((o) => [o.job["name"], o.deferred])).toEqual([
      ["unit", false],
      ["test", false],
      ["deploy", false],
    ]);
  });

  it("defers a job in a cycle to a function-form plan", () => {
    const order = orderJobs([job("a", ["b"]), job("b", ["a"])]);
    expect(order.map((o) => [o.job["name"], o.deferred])).toEqual([
      ["a", true],
      ["b", false],
    ]);
  });
});

describe("importPipeline", () => {
  it("uses the function form of plan for a cycle", async () => {
    const yaml = `resources:\n- name: r\n  type: git\n  source: {uri: u}\njobs:\n- name: a\n  plan:\n  - get: r\n    passed: [b]\n- name: b\n  plan:\n  - get: r\n    passed: [a]\n`;
    const { source } = await importPipeline(yaml);
    expect(source).toContain("plan: () => [r.get({ passed: [b] })]");
    expect(source).toContain("plan: [r.get({ passed: [a] })]");
  });

  it("names names that are not identifiers safely", async () => {
    const { source } = await importPipeline(`jobs:\n- name: "1st job"\n  plan: []\n- name: class\n  plan: []\n`);
    expect(source).toContain('const x1stJob = new Job("1st job"');
    expect(source).toContain('const classJob = new Job("class"');
  });

  it.each([
    ["ytt", "#@ load('x.lib.yml', 'y')\njobs: []\n", 1, "import-ytt"],
    ["legacy params", "jobs:\n- name: j\n  plan:\n  - get: r\n    params: {a: {{x}}}\n", 5, "import-legacy-params"],
    ["spruce", "jobs:\n- name: j\n  plan: (( grab meta.plan ))\n", 3, "import-spruce"],
    ["several documents", "jobs: []\n---\njobs: []\n", 2, "import-multiple-documents"],
  ])("refuses %s with its line", async (_, yaml, line, code) => {
    const { source, diagnostics } = await importPipeline(yaml, { file: "p.yml" });
    expect(source).toBe("");
    expect(diagnostics).toContainEqual(expect.objectContaining({ code, severity: "error", line, file: "p.yml" }));
  });

  it("imports templated text as it is with --force, warning", async () => {
    const { source, diagnostics } = await importPipeline("jobs:\n- name: j\n  plan: (( grab meta.plan ))\n", { force: true });
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "import-spruce", severity: "warning" }));
    expect(source).toContain('extra: { plan: "(( grab meta.plan ))" }');
  });
});

function fakeIo(files: Record<string, string>): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    cwd: "/w",
    env: {},
    isTTY: false,
    readFile: (p: string) => files[p] ?? "",
    writeFile: (p: string, c: string) => {
      files[p] = c;
    },
    exists: (p: string) => p in files,
    isDirectory: () => false,
    readDir: () => [],
    exec: () => Promise.reject(new Error("no exec")),
  };
  return io;
}

describe("sdk import", () => {
  const yaml = "jobs:\n- name: hello\n  plan:\n  - task: say\n    config:\n      platform: linux\n      run: {path: echo}\n";

  it("prints the TypeScript", async () => {
    const io = fakeIo({ "/w/p.yml": yaml });
    expect(await main(["import", "p.yml"], io)).toBe(0);
    expect(io.out).toContain('new Task("say"');
  });

  it("writes -o and refuses to overwrite without --force", async () => {
    const files: Record<string, string> = { "/w/p.yml": yaml };
    expect(await main(["import", "p.yml", "-o", "p.ts"], fakeIo(files))).toBe(0);
    expect(files["/w/p.ts"]).toContain("export default new Pipeline");
    expect(await main(["import", "p.yml", "-o", "p.ts"], fakeIo(files))).toBe(2);
    expect(await main(["import", "p.yml", "-o", "p.ts", "--force"], fakeIo(files))).toBe(0);
  });

  it("exits 1 on templated input, naming the line", async () => {
    const io = fakeIo({ "/w/p.yml": "#@ x\njobs: []\n" });
    expect(await main(["import", "p.yml"], io)).toBe(1);
    expect(io.err).toContain("p.yml:1:1");
  });

  it("exits 2 without a file", async () => {
    expect(await main(["import"], fakeIo({}))).toBe(2);
  });
});
