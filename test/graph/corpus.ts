/**
 * Corpus pipelines for the graph tests, read from the shared folder (never copied in).
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { lintYaml } from "../../packages/sdk/src/lint/index.ts";
import type { PipelineConfig } from "../../packages/sdk/src/model/index.ts";
import { sharedDir } from "../helpers/paths.ts";

/** The path of a corpus file, e.g. `concourse__examples/pipelines/hello-world.yml`. */
export function corpusPath(file: string): string {
  return resolve(sharedDir(), "corpus", file);
}

/** Loads a corpus pipeline with the linter's YAML loader; fails when it does not decode. */
export function corpusConfig(file: string): PipelineConfig {
  const result = lintYaml(fs.readFileSync(corpusPath(file), "utf8"), { file });
  if (!result.config) throw new Error(`${file} does not decode: ${result.diagnostics[0]?.message}`);
  return result.config;
}

/** The 111-job pipeline. */
export const BIG = "cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml";
