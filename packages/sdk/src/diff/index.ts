/**
 * Comparing pipelines in meaning, as Concourse reads them (`sdk diff`): key order, quoting,
 * YAML 1.1 spellings (`on`, `0755`) and the list form of `in_parallel` make no difference.
 *
 * @see https://concourse-ci.org/setting-pipelines.html
 */
export { comparePipelines, type EntityChange } from "./compare.ts";
export { formatChanges } from "./format.ts";
export { goDurationString, normalizePipeline } from "./normalize.ts";
export { isMapping, type Mapping, readPipelineYaml, type Value } from "./read.ts";
