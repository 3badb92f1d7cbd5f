/**
 * The package as a user gets it: `pnpm pack`, then `npm install` of the tarball into a new
 * project outside the workspace (from the npm registry for its dependencies), and there
 * `npx sdk render`, `npx sdk lint`, `npx sdk import`, `tsc --noEmit` on a pipeline.ts and
 * the library API from each entry point. The install is first render-only (no ts-morph,
 * an optional peer dependency): render and lint work, import says how to install ts-morph.
 * Then ts-morph and TypeScript are added, and import and tsc run.
 *
 * Prints the tarball's size and file count and the render-only install's size.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";

const sdkDir = resolve(repoRoot, "packages/sdk");
const sdkPackage = JSON.parse(fs.readFileSync(join(sdkDir, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const rootPackage = JSON.parse(fs.readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};

let scratch = "";
let app = "";
let tarball = "";
let entries: string[] = [];

/**
 * The environment of a user's shell: without the npm_* variables that `pnpm run` sets for
 * its scripts (npm warns about pnpm's own settings in them, e.g. `_jsr-registry`), and
 * without the NODE_PATH pnpm's bin shims set (the workspace's .pnpm/node_modules, where
 * `require` of the CLI's CommonJS bundle would find the workspace's ts-morph).
 */
function userEnv(): NodeJS.ProcessEnv {
  const pnpmOnly = (name: string) => /^npm_/i.test(name) || name === "PNPM_SCRIPT_SRC_DIR" || name === "NODE_PATH";
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !pnpmOnly(name)));
}

/** Runs a command in the app project; never through a shell. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: app,
    encoding: "utf8",
    env: { ...userEnv(), CONTRAIL_CACHE_DIR: join(scratch, "cache"), ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function npm(...args: string[]): void {
  execFileSync("npm", ["--no-audit", "--no-fund", "--loglevel=error", ...args], {
    cwd: app,
    env: userEnv(),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const PIPELINE_TS = `import { GitResource, Job, Pipeline, Task } from "contrail";

const repo = new GitResource("repo", { source: { uri: "https://example.com/app.git", branch: "main" } });
const src = repo.get({ trigger: true });
const test = new Task("unit", { image: { repository: "busybox" }, inputs: [src], run: { path: "true" } });

export default new Pipeline({ jobs: [new Job("test", { plan: [src, test] })] });
`;

/** Every library entry the docs promise, type-checked against the installed package. */
const API_TS = `import { render, renderPipeline } from "contrail";
import { importPipeline } from "contrail/import";
import { lintYaml } from "contrail/lint";
import pipeline from "./pipeline.ts";

const yaml: string = render(pipeline);
const json: string = render(pipeline, { format: "json" });
const lint = lintYaml(yaml, { file: "pipeline.yml" });
const imported = await importPipeline(yaml, { file: "pipeline.yml" });
export const summary = [yaml, json, lint.diagnostics.length, imported.source, renderPipeline(pipeline).diagnostics.length];
`;

/** The same API run by Node from the installed package: plain ESM, resolved through its exports map. */
const API_MJS = `import { GitResource, Job, Pipeline, render, renderPipeline } from "contrail";
import { importPipeline } from "contrail/import";
import { lintYaml } from "contrail/lint";

const repo = new GitResource("repo", { source: { uri: "https://example.com/app.git", branch: "main" } });
const pipeline = new Pipeline({ jobs: [new Job("test", { plan: [repo.get({ trigger: true })] })] });
const yaml = render(pipeline);
const json = render(pipeline, { format: "json" });
const lint = lintYaml(yaml, { file: "pipeline.yml" });
const imported = await importPipeline(yaml, { file: "pipeline.yml" });
console.log(JSON.stringify({
  yaml: yaml.includes("- name: test"),
  json: JSON.parse(json).jobs[0].name,
  lintErrors: lint.diagnostics.filter((d) => d.severity === "error").length,
  imported: imported.source.includes('from "contrail"'),
  renderErrors: renderPipeline(pipeline).diagnostics.filter((d) => d.severity === "error").length,
}));
`;

beforeAll(() => {
  scratch = fs.mkdtempSync(join(tmpdir(), "contrail-package-"));
  execFileSync("pnpm", ["pack", "--pack-destination", scratch], { cwd: sdkDir, stdio: "ignore" });
  const name = fs.readdirSync(scratch).find((f) => f.endsWith(".tgz"));
  if (!name) throw new Error(`pnpm pack wrote no tarball into ${scratch}`);
  tarball = join(scratch, name);
  entries = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
  app = join(scratch, "app");
  fs.mkdirSync(app);
  fs.writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  fs.writeFileSync(join(app, "pipeline.ts"), PIPELINE_TS);
  npm("install", tarball);
  const installed = sizeOf(join(app, "node_modules"));
  console.log(
    `tarball: ${(fs.statSync(tarball).size / 1024).toFixed(0)} KB, ${entries.length} files; render-only install: ${(installed / 1024 / 1024).toFixed(1)} MB in node_modules (${fs.readdirSync(join(app, "node_modules")).filter((n) => !n.startsWith(".")).length} top-level packages)`,
  );
}, 600_000);

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("the tarball", () => {
  it("carries README, LICENSE, the compiled dist and the bin, and no sources or tests", () => {
    for (const file of ["package/README.md", "package/LICENSE", "package/package.json", "package/bin/sdk.js", "package/dist/index.js"]) {
      expect(entries, file).toContain(file);
    }
    expect(entries.filter((e) => /^package\/(src|test|scripts)\//.test(e) || e.endsWith(".test.ts"))).toEqual([]);
    const manifest = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
    expect(manifest.repository).toBeDefined();
    expect(manifest.license).toBe("Apache-2.0");
    expect(manifest.dependencies["ts-morph"]).toBeUndefined();
    expect(manifest.peerDependenciesMeta["ts-morph"].optional).toBe(true);
  });
});

describe("installed without ts-morph (render-only)", () => {
  it("has no ts-morph or TypeScript", () => {
    expect(fs.existsSync(join(app, "node_modules/ts-morph"))).toBe(false);
    expect(fs.existsSync(join(app, "node_modules/typescript"))).toBe(false);
  });

  it("npx sdk render prints the pipeline's YAML", () => {
    const r = run("npx", ["sdk", "render", "pipeline.ts"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("jobs:\n- name: test\n");
    fs.writeFileSync(join(app, "pipeline.yml"), r.out);
    // A first run (nothing cached) had the pipeline.ts transpiled on another thread by the
    // installed worker (load/pretranspile.ts), and renders the same.
    const first = run("npx", ["sdk", "render", "pipeline.ts"], { CONTRAIL_CACHE_DIR: join(scratch, "first-cache"), CONTRAIL_DEBUG: "1" });
    expect(first.err).toContain("pipeline.ts transpiled ahead, on another thread");
    expect(first.out).toBe(r.out);
  });

  it("npx sdk lint passes the rendered YAML and fails a broken one", () => {
    const good = run("npx", ["sdk", "lint", "pipeline.yml"]);
    expect(good.code).toBe(0);
    fs.writeFileSync(join(app, "broken.yml"), "jobs:\n- name: a\n  plan:\n  - get: nowhere\n");
    const bad = run("npx", ["sdk", "lint", "broken.yml"]);
    expect(bad.code).toBe(1);
    expect(bad.out + bad.err).toContain("nowhere");
  });

  it("npx sdk import says in one line how to install ts-morph", () => {
    const r = run("npx", ["sdk", "import", "pipeline.yml"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      `error: sdk import needs ts-morph, an optional peer dependency of contrail that is not installed: run 'npm install --save-dev ts-morph@${sdkPackage.devDependencies["ts-morph"]}' (or pnpm add -D / yarn add -D) and try again.\n`,
    );
  });
});

describe("with ts-morph and TypeScript added", () => {
  beforeAll(() => {
    npm(
      "install",
      "--save-dev",
      `ts-morph@${sdkPackage.devDependencies["ts-morph"]}`,
      `typescript@${rootPackage.devDependencies.typescript}`,
    );
    fs.writeFileSync(join(app, "api.ts"), API_TS);
    fs.writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2023",
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          skipLibCheck: false,
          types: [],
        },
        include: ["*.ts"],
      }),
    );
  }, 600_000);

  it("npx sdk import turns the YAML into a pipeline.ts that renders back to it", () => {
    const r = run("npx", ["sdk", "import", "pipeline.yml", "-o", "imported.ts"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const again = run("npx", ["sdk", "render", "imported.ts"]);
    expect(again.code).toBe(0);
    expect(again.out.split("\n").slice(2).join("\n")).toBe(
      fs.readFileSync(join(app, "pipeline.yml"), "utf8").split("\n").slice(2).join("\n"),
    );
  });

  it("tsc --noEmit passes on a pipeline.ts and on code using every entry point, and fails on a type error", () => {
    const ok = run("npx", ["tsc", "-p", "."]);
    expect(ok.out + ok.err).toBe("");
    expect(ok.code).toBe(0);
    fs.writeFileSync(join(app, "wrong.ts"), `import { Job } from "contrail";\nnew Job("x", { plan: "not a plan" });\n`);
    const bad = run("npx", ["tsc", "-p", "."]);
    fs.rmSync(join(app, "wrong.ts"));
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain("wrong.ts");
  });

  it("the library API works from the installed package: render to YAML and JSON, lint, import", () => {
    fs.writeFileSync(join(app, "api.mjs"), API_MJS);
    const r = run("node", ["api.mjs"]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toEqual({ yaml: true, json: "test", lintErrors: 0, imported: true, renderErrors: 0 });
  });
});
