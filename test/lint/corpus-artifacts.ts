/**
 * The artifact mapping the corpus supports: a git resource whose uri is
 * `github.com/<owner>/<repo>` holds the corpus folder `<owner>__<repo>` (corpus/INDEX.md,
 * "Task files"), and so does every get of it.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { walkJob } from "../../packages/sdk/src/lint/walk.ts";
import type { PipelineConfig } from "../../packages/sdk/src/model/index.ts";
import { normaliseGitUrl } from "../../packages/sdk/src/task-file/index.ts";

/** Artifact name to corpus folder, for the gets of git resources whose repository is there. */
export function corpusArtifacts(config: PipelineConfig, corpus: string): Record<string, string> {
  const folders = new Map<string, string>();
  for (const r of config.resources ?? []) {
    if (r.type !== "git") continue;
    const uri = normaliseGitUrl(String((r.source as Record<string, unknown> | undefined)?.uri ?? ""));
    const m = uri && /^github\.com\/([^/]+)\/([^/]+)$/.exec(uri);
    if (!m) continue;
    const folder = corpusFolder(corpus, `${m[1]}__${m[2]}`);
    if (folder) folders.set(r.name, folder);
  }
  const out: Record<string, string> = {};
  for (const job of config.jobs) {
    walkJob(job as unknown as Record<string, unknown>, (step, core) => {
      if (core !== "get") return;
      const folder = folders.get(String(step.resource ?? step.get));
      if (folder) out[String(step.get)] = folder;
    });
  }
  return out;
}

const CORPUS_FOLDERS = new Map<string, string>();

/** The corpus folder of a repository (`owner__repo`, any case), as listed in INDEX.md. */
function corpusFolder(corpus: string, name: string): string | undefined {
  if (CORPUS_FOLDERS.size === 0) {
    for (const line of readFileSync(path.join(corpus, "INDEX.md"), "utf8").matchAll(/^\| ([\w.-]+__[\w.-]+) \|/gm)) {
      const folder = line[1] ?? "";
      if (existsSync(path.join(corpus, folder))) CORPUS_FOLDERS.set(folder.toLowerCase(), path.join(corpus, folder));
    }
  }
  return CORPUS_FOLDERS.get(name.toLowerCase());
}
