/**
 * Test helper for import round trips: finds the corpus, imports YAML to TypeScript files in
 * `test/import/.tmp/`, type-checks them in one ts-morph project, loads them the way
 * `sdk render` does and compares the rendered config with the input as Concourse reads it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { main } from "../../packages/sdk/src/cli/main.ts";
import { type JsonObject, loadPipelineYaml } from "../../packages/sdk/src/import/load.ts";
import type { Io } from "../../packages/sdk/src/io/io.ts";
import { loadPipelines } from "../../packages/sdk/src/load/load-pipeline.ts";
import type { JsonValue } from "../../packages/sdk/src/model/common.ts";
import { captureIo } from "../helpers/capture-io.ts";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Where generated files go (inside the repo, so that `contrail` resolves). */
export const TMP_DIR = join(REPO_ROOT, "test/import/.tmp");

/** The shared folder with the corpus and the seed; fails loudly when missing. */
export function sharedDir(): string {
  const dir = process.env["CONTRAIL_SHARED"] ?? resolve(REPO_ROOT, "../shared");
  if (!existsSync(join(dir, "corpus/concourse-verdicts.json"))) {
    throw new Error(`the shared corpus is missing: expected ${dir}/corpus/concourse-verdicts.json (set CONTRAIL_SHARED)`);
  }
  return dir;
}

/** Corpus files Concourse accepted that are plain YAML (no ytt `#@`, no legacy `{{x}}`). */
export function acceptedPlainCorpus(): string[] {
  const corpus = join(sharedDir(), "corpus");
  const verdicts = JSON.parse(readFileSync(join(corpus, "concourse-verdicts.json"), "utf8")) as Record<
    string,
    { stage?: string; blocks?: unknown[] }
  >;
  return Object.entries(verdicts)
    .filter(([, v]) => v.stage === "validate" && (v.blocks ?? []).length === 0)
    .map(([file]) => file)
    .filter((file) => {
      const text = readFileSync(join(corpus, file), "utf8");
      return !/(^|\s)#@/m.test(text) && !/\{\{[^{}\n]*\}\}/.test(text);
    })
    .sort();
}

/** A corpus pipeline to round-trip: where it is, its text, and the config Concourse keeps from it. */
export interface CorpusPipeline {
  /** The corpus path, as the verdicts file names it. */
  readonly file: string;
  /** The absolute path of the YAML file. */
  readonly path: string;
  readonly text: string;
  /** The pipeline as Concourse reads and keeps it (top-level keys it ignores left out). */
  readonly original: JsonObject;
}

/**
 * The plain pipelines Concourse accepted ({@link acceptedPlainCorpus}), read: the cases of
 * both round trips, through the library (roundtrip.corpus.test.ts) and through the CLI
 * (cli-round-trip.corpus.test.ts).
 */
export function roundTripCases(): CorpusPipeline[] {
  const corpus = join(sharedDir(), "corpus");
  return acceptedPlainCorpus().map((file) => {
    const path = join(corpus, file);
    const text = readFileSync(path, "utf8");
    return { file, path, text, original: asConcourseKeepsIt(readYaml(text)) };
  });
}

/** The first difference in meaning between a pipeline as Concourse reads it and a rendered config. */
export function meaningDifference(original: JsonValue, rendered: JsonValue): string | undefined {
  return firstDifference(normalize(original), normalize(rendered));
}

/** The names of a top-level list (`resources`, `resource_types`), in order. */
export function namesOf(doc: JsonValue, key: string): string[] {
  const list = typeof doc === "object" && doc !== null && !Array.isArray(doc) ? doc[key] : undefined;
  return Array.isArray(list) ? list.map((item) => String((item as JsonObject)["name"])) : [];
}

/** Runs `sdk ARGS` in-process as the bin would (argument parsing, files, exit code), capturing its output. */
export async function sdkInProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(REPO_ROOT);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** What {@link importFixture} made. */
export interface ImportedFixture {
  /** The generated pipeline.ts. */
  readonly out: string;
  /** Its text (empty when the import wrote none). */
  readonly source: string;
  /** The CLI's answer. */
  readonly imported: { code: number; out: string; err: string };
}

/**
 * Imports `fixture` with `sdk import -o` into `test/import/.tmp/NAME/pipeline.ts`: inside the
 * repository, so that the generated file resolves `contrail` as a user's would. Call it in a
 * `describe`; the folder goes after its tests unless `KEEP` is set.
 */
export async function importFixture(fixture: string, name: string): Promise<ImportedFixture> {
  const dir = join(TMP_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = join(dir, "pipeline.ts");
  const imported = await sdkInProcess(["import", fixture, "-o", out]);
  afterAll(() => {
    if (!process.env["KEEP"]) rmSync(dir, { recursive: true, force: true });
  });
  return { out, source: existsSync(out) ? readFileSync(out, "utf8") : "", imported };
}

/** A file name for a corpus path. */
export function slug(file: string): string {
  return file.replace(/\.ya?ml$/, "").replace(/[^A-Za-z0-9]+/g, "_");
}

/** Writes a generated file under `.tmp/<dir>/`. */
export function writeTmp(dir: string, name: string, text: string): string {
  const path = join(TMP_DIR, dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** An Io for loading files in-process. */
export function testIo(): Io {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    cwd: REPO_ROOT,
    env: {},
    isTTY: false,
    readFile: (p) => readFileSync(p, "utf8"),
    writeFile: () => undefined,
    exists: (p) => existsSync(p),
    isDirectory: () => false,
    readDir: () => [],
    exec: () => Promise.reject(new Error("no exec in tests")),
  };
}

/** Loads a generated pipeline.ts and synthesizes it. */
export async function synthFile(path: string): Promise<{ config: JsonValue; errors: string[] }> {
  const [loaded] = await loadPipelines(path, testIo());
  if (!loaded) throw new Error(`${path} exports no pipeline`);
  const { config, diagnostics } = loaded.pipeline.synth();
  return {
    config: JSON.parse(JSON.stringify(config)) as JsonValue,
    errors: diagnostics.filter((d) => d.severity === "error").map((d) => `${d.path}: ${d.code}: ${d.message}`),
  };
}

/** The input as Concourse reads it. */
export function readYaml(text: string): JsonObject {
  const { value, diagnostics } = loadPipelineYaml(text);
  if (!value) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return value;
}

/** The top-level keys of Concourse's config (atc.Config); it ignores the others (`meta:`...). */
const CONCOURSE_KEYS = ["display", "var_sources", "resource_types", "prototypes", "resources", "jobs", "groups", "user_data"];

/** The pipeline as Concourse keeps it: without the top-level keys it ignores. */
export function asConcourseKeepsIt(doc: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => CONCOURSE_KEYS.includes(key)));
}

/**
 * Normalizes what is equal in meaning but not in shape: `resources` and `resource_types`
 * sorted by name; `in_parallel: { steps }` (nothing else) is `in_parallel: [...]`.
 */
export function normalize(value: JsonValue, top = true): JsonValue {
  if (Array.isArray(value)) return value.map((v) => normalize(v, false));
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    let v = normalize(value[key] as JsonValue, false);
    if (!top && key === "in_parallel" && v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).join() === "steps")
      v = v["steps"] as JsonValue;
    if (top && (key === "resources" || key === "resource_types") && Array.isArray(v)) {
      v = [...v].sort((a, b) => String((a as JsonObject)["name"]).localeCompare(String((b as JsonObject)["name"])));
    }
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The first difference between two values, as a path, or undefined when equal. */
export function firstDifference(a: JsonValue, b: JsonValue, path = "$"): string | undefined {
  if (a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b))) return undefined;
  if (
    typeof a !== typeof b ||
    a === null ||
    b === null ||
    typeof a !== "object" ||
    typeof b !== "object" ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 200)} != ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} != ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i] as JsonValue, b[i] as JsonValue, `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) {
    if (!(key in ao) || !(key in bo)) return `${path}.${key}: ${key in ao ? "missing after round trip" : "added by round trip"}`;
    const d = firstDifference(ao[key] as JsonValue, bo[key] as JsonValue, `${path}.${key}`);
    if (d) return d;
  }
  return undefined;
}
