/**
 * Pipelines for the graph tests: contrail's own fixtures (test/graph/fixtures), and corpus
 * pipelines read from the shared folder (never copied in) for the *.corpus.test.ts files.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { lintYaml } from "../../packages/sdk/src/lint/index.ts";
import type { PipelineConfig } from "../../packages/sdk/src/model/index.ts";
import { repoRoot, sharedDir } from "../helpers/paths.ts";

/** The path of a corpus file, e.g. `concourse__examples/pipelines/hello-world.yml`. */
export function corpusPath(file: string): string {
  return resolve(sharedDir(), "corpus", file);
}

/** The path of a fixture of ours, e.g. `fan-out.yml`. */
export function fixturePath(file: string): string {
  return resolve(repoRoot, "test/graph/fixtures", file);
}

/** Loads a fixture of ours with the linter's YAML loader; fails when it does not decode. */
export function fixtureConfig(file: string): PipelineConfig {
  return decode(fixturePath(file), file);
}

/** Loads a corpus pipeline with the linter's YAML loader; fails when it does not decode. */
export function corpusConfig(file: string): PipelineConfig {
  return decode(corpusPath(file), file);
}

function decode(path: string, file: string): PipelineConfig {
  const result = lintYaml(fs.readFileSync(path, "utf8"), { file });
  if (!result.config) throw new Error(`${file} does not decode: ${result.diagnostics[0]?.message}`);
  return result.config;
}

/** The 111-job pipeline. */
export const BIG = "cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml";
