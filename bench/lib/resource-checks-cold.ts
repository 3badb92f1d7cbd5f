/**
 * One cold measurement of the resource catalogue's checks, in a fresh process: the config
 * of the 2,000-job synthetic pipeline is made (and its jobs walked once, as the rules before
 * this one walk them in a lint), then the first and only run of one subject is timed:
 *
 * - `rule`: `checkResourceConfigs`, the lint rule (every resource's source, every get's and
 *   put's params, through the fast path, the rules and, where unsure, zod);
 * - `zod`: zod's `safeParse` alone on the same values, what every check ran before the fast
 *   path (the rules and the problem messages not included).
 *
 * Prints the milliseconds. bench/resource-checks.ts bundles it (as the CLI is bundled) and
 * runs `node BUNDLE rule|zod [JOBS]`; it also runs from source with
 * `node --conditions=@contrail/source --import tsx bench/lib/resource-checks-cold.ts rule`.
 */
import { checkResourceConfigs } from "../../packages/sdk/src/lint/rules/resource-config.ts";
import { Report } from "../../packages/sdk/src/lint/validate/report.ts";
import { walkJob, withWalkCache } from "../../packages/sdk/src/lint/walk.ts";
import type { PipelineConfig } from "../../packages/sdk/src/model/index.ts";
import { RESOURCE_SPECS } from "../../packages/sdk/src/resources/check.ts";
import { syntheticPipeline } from "./synthetic.ts";

const subject = process.argv[2];
const jobs = Number(process.argv[3] ?? "2000");
const config = syntheticPipeline(jobs).synth().config;

/** Each catalogue value the rule checks, with its schema, in the rule's order. */
function catalogueValues(c: PipelineConfig): Array<{ parse: () => unknown }> {
  const out: Array<{ parse: () => unknown }> = [];
  const typeOf = new Map(c.resources?.map((r) => [r.name, r.type]) ?? []);
  const add = (type: string | undefined, kind: "source" | "get" | "put", value: unknown) => {
    const schema = type === undefined ? undefined : RESOURCE_SPECS.get(type)?.schemas[kind];
    if (schema) out.push({ parse: () => schema.safeParse(value ?? {}, { jitless: true }) });
  };
  for (const r of c.resources ?? []) add(r.type, "source", r.source);
  for (const job of c.jobs) {
    walkJob(job as never, (step, core) => {
      if (core !== "get" && core !== "put") return;
      const name = typeof step.resource === "string" ? step.resource : String(step[core]);
      add(typeOf.get(name), core, step.params);
    });
  }
  return out;
}

let elapsed = 0;
withWalkCache(() => {
  for (const job of config.jobs) walkJob(job as never, () => {});
  if (subject === "zod") {
    const values = catalogueValues(config);
    const start = performance.now();
    for (const v of values) v.parse();
    elapsed = performance.now() - start;
  } else if (subject === "rule") {
    const report = new Report();
    const start = performance.now();
    checkResourceConfigs(config as never, report);
    elapsed = performance.now() - start;
    if (report.findings.length > 0) throw new Error(`the synthetic pipeline has catalogue findings: ${report.findings[0]?.message}`);
  } else {
    throw new Error(`subject 'rule' or 'zod', not '${subject}'`);
  }
});
console.log(elapsed.toFixed(3));
