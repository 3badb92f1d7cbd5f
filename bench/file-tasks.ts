/**
 * Following file tasks: lint of cf-deployment's update-releases.yml (14,850 lines, ~1,190 file
 * tasks) with its task repositories mapped (`--artifact runtime-ci=… --artifact
 * cf-deployment-concourse-tasks=… --artifact cf-deployment=…`), against the same lint with no
 * mapping. Each mapped run builds a fresh task-file source, so reading and parsing the task
 * files (once per file) is part of its time. Runs interleave; median and range are printed.
 * Target: mapped within 1.5x of unmapped.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { lintYaml } from "../packages/sdk/src/lint/index.ts";
import { taskFileSource } from "../packages/sdk/src/task-file/index.ts";

/** Prints the file-task benchmark table. */
export async function benchFileTasks(runs = 9): Promise<void> {
  const shared = process.env.CONTRAIL_SHARED ?? resolve(import.meta.dirname, "../../shared");
  const corpus = resolve(shared, "corpus");
  const file = resolve(corpus, "cloudfoundry__cf-deployment/ci/pipelines/update-releases.yml");
  const text = fs.readFileSync(file, "utf8");
  const artifacts = {
    "runtime-ci": resolve(corpus, "cloudfoundry__runtime-ci"),
    "cf-deployment-concourse-tasks": resolve(corpus, "cloudfoundry__cf-deployment-concourse-tasks"),
    "cf-deployment": resolve(corpus, "cloudfoundry__cf-deployment"),
  };
  const mapped = () =>
    lintYaml(text, {
      file,
      taskFiles: taskFileSource({
        artifacts,
        cwd: corpus,
        readFile: (p) => fs.readFileSync(p, "utf8"),
        exists: fs.existsSync,
        realPath: fs.realpathSync,
      }),
    });
  const plain = () => lintYaml(text, { file });
  const times = { plain: [] as number[], mapped: [] as number[] };
  let resolved = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    plain();
    const t1 = performance.now();
    resolved = mapped().fileTasks?.resolved ?? 0;
    const t2 = performance.now();
    if (i === 0) continue; // warm-up
    times.plain.push(t1 - t0);
    times.mapped.push(t2 - t1);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)] ?? 0, min: s[0] ?? 0, max: s[s.length - 1] ?? 0 };
  };
  const p = stats(times.plain);
  const m = stats(times.mapped);
  const row = (name: string, s: typeof p) => `| ${name} | ${s.median.toFixed(0)} | ${s.min.toFixed(0)}–${s.max.toFixed(0)} |`;
  console.log(`\n## File tasks: cf-deployment update-releases.yml (${runs} interleaved runs after a warm-up)\n`);
  console.log("| lint | median ms | range ms |\n|---|---:|---:|");
  console.log(row("no artifact mapped", p));
  console.log(row(`task repositories mapped (${resolved} file tasks followed)`, m));
  console.log(`\nratio mapped/unmapped: ${(m.median / p.median).toFixed(2)} (target < 1.5)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFileTasks();
