/**
 * Makes a pipeline N times as large and still valid: N copies of its jobs, resources and
 * groups, copy k's names suffixed `-k` (copy 0 keeps the original names), with every
 * reference (`get`/`put` resource, `passed`, group job lists) renamed alike. A get or put
 * that named its resource by its step name gets a `resource:` so that its artifact keeps
 * its name. Resource types and every other top-level key are shared.
 */
import { parse, stringify } from "yaml";

type Json = unknown;
type Map = Record<string, Json>;

function isMap(value: Json): value is Map {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function renameSteps(value: Json, suffix: string): Json {
  if (Array.isArray(value)) return value.map((v) => renameSteps(v, suffix));
  if (!isMap(value)) return value;
  const out: Map = {};
  for (const [key, v] of Object.entries(value)) out[key] = renameSteps(v, suffix);
  for (const core of ["get", "put"]) {
    if (typeof value[core] !== "string") continue;
    const resource = typeof value.resource === "string" ? value.resource : (value[core] as string);
    out.resource = `${resource}${suffix}`;
  }
  if (Array.isArray(value.passed)) out.passed = value.passed.map((j) => `${String(j)}${suffix}`);
  return out;
}

function named(items: Json, suffix: string, rename: (item: Map) => Map = (item) => item): Json[] {
  return (Array.isArray(items) ? items : []).map((item) =>
    isMap(item) ? { ...rename(item), name: `${String(item.name)}${suffix}` } : item,
  );
}

/** The pipeline YAML `text` at `copies` times its size. */
export function scalePipeline(text: string, copies: number): string {
  const config = parse(text, { merge: true, maxAliasCount: -1 }) as Map;
  const scaled: Map = { ...config };
  const sections = { jobs: [] as Json[], resources: [] as Json[], groups: [] as Json[] };
  for (let k = 0; k < copies; k++) {
    const suffix = k === 0 ? "" : `-${k}`;
    sections.jobs.push(...named(config.jobs, suffix, (job) => renameSteps(job, suffix) as Map));
    sections.resources.push(...named(config.resources, suffix));
    sections.groups.push(
      ...named(config.groups, suffix, (g) => ({ ...g, jobs: (Array.isArray(g.jobs) ? g.jobs : []).map((j) => `${String(j)}${suffix}`) })),
    );
  }
  for (const [key, items] of Object.entries(sections)) if (config[key] !== undefined) scaled[key] = items;
  return stringify(scaled, { lineWidth: 0 });
}
