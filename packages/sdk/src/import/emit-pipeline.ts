/**
 * The whole file: imports, the vars, resource types, resources, jobs (each after the jobs
 * its `passed:` names) and `export default new Pipeline({...})`, assembled with ts-morph.
 */
import type { JsonValue } from "../model/common.ts";
import { AnchorTable, heldAnchors } from "./anchors.ts";
import { CATALOGUE } from "./catalogue.ts";
import { type ImportContext, VAR } from "./context.ts";
import { taskDeclarationConsts } from "./emit-file-task.ts";
import { emitJob, jobObjects } from "./emit-jobs.ts";
import { type ConstDecl, emitResources, emitResourceTypes, type ResourceUsage, withExtra } from "./emit-resources.ts";
import { arr, call, collectIds, type Expr, id, newExpr, obj, str } from "./expr.ts";
import { writeSourceFile } from "./format-file.ts";
import { isObject, type JsonObject } from "./load.ts";
import { orderJobs } from "./order.ts";
import { repeatedBlocks } from "./repeated-blocks.ts";
import { PARAM_TYPES } from "./step-factories.ts";
import { typedVarSourceFits } from "./var-sources.ts";
import { forEachStep } from "./walk.ts";

/** Every name the generated code may import from contrail. */
export const CONTRAIL_EXPORTS = [
  "Pipeline",
  "Job",
  "Resource",
  "ResourceType",
  "Task",
  "FileTask",
  "defineTask",
  "OciBuildTask",
  ...Object.values(CATALOGUE).map((entry) => entry.className),
  "registryTagType",
  "defineVars",
  "pipelineVar",
  "loadVar",
  "setPipeline",
  "inParallel",
  "doSteps",
  "tryStep",
  "acrossVar",
  "rawStep",
  ...PARAM_TYPES,
];

/** The names above that are types only (imported as `type X`). */
const TYPE_ONLY: ReadonlySet<string> = new Set(PARAM_TYPES);

function usages(jobs: readonly JsonObject[]): ResourceUsage {
  const out = new Map<string, { gets: (JsonValue | undefined)[]; puts: (JsonValue | undefined)[] }>();
  const at = (name: JsonValue | undefined) => {
    const key = String(name);
    const entry = out.get(key) ?? { gets: [], puts: [] };
    out.set(key, entry);
    return entry;
  };
  for (const job of jobs) {
    forEachStep(job, (step) => {
      if ("task" in step || "run" in step) return;
      if ("put" in step) {
        const u = at(step["resource"] ?? step["put"]);
        u.puts.push(step["params"]);
        u.gets.push(step["get_params"]);
      } else if ("get" in step) {
        const u = at(step["resource"] ?? step["get"]);
        u.gets.push(step["params"]);
      }
    });
  }
  return out;
}

const objects = (v: JsonValue | undefined): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The top-level keys of Concourse's pipeline config (atc.Config); it ignores every other. */
const TOP_LEVEL_KEYS = new Set(["display", "var_sources", "resource_types", "prototypes", "resources", "jobs", "groups", "user_data"]);

/**
 * Leaves out the top-level keys Concourse ignores (`meta:`, `task-config:`... that hold YAML
 * anchors); returns each with the anchors it held, for a note in the file's header.
 */
function dropIgnoredKeys(given: JsonObject, anchors: ReadonlyMap<string, JsonValue>): { doc: JsonObject; dropped: [string, string[]][] } {
  const doc: JsonObject = {};
  const dropped: [string, string[]][] = [];
  for (const [key, value] of Object.entries(given)) {
    if (TOP_LEVEL_KEYS.has(key)) Object.defineProperty(doc, key, { value, enumerable: true, writable: true, configurable: true });
    else dropped.push([key, heldAnchors(value, anchors)]);
  }
  return { doc, dropped };
}

/** The note on a dropped key, naming the consts its anchors became, once the file is emitted. */
function droppedNote(ctx: ImportContext, key: string, held: readonly string[]): string {
  const consts = held.flatMap((a) => {
    const name = ctx.anchors?.constOf(a);
    return name === undefined ? [] : [`&${a} is the const ${name}`];
  });
  const what =
    consts.length > 0 ? ` (${consts.join(", ")})` : held.length > 0 ? " (its YAML anchors are expanded where they are used)" : "";
  return `Left out the top-level key '${key}': Concourse ignores keys it does not know${what}.`;
}

/** The plain `((var))` names the document's strings use (no `source:` and no `.:` local). */
function plainVarNames(doc: JsonValue): string[] {
  const out = new Set<string>();
  const visit = (v: JsonValue): void => {
    if (typeof v === "string") {
      for (const m of v.matchAll(VAR)) if (!/^[^.]*:|^\.:/.test(m[1] ?? "")) out.add(m[1] ?? "");
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v))
      for (const [key, item] of Object.entries(v)) {
        visit(key);
        visit(item);
      }
  };
  visit(doc);
  return [...out];
}

/** Generates the TypeScript source of a pipeline. */
export async function emitPipeline(
  ctx: ImportContext,
  given: JsonObject,
  anchors: ReadonlyMap<string, JsonValue> = new Map(),
): Promise<string> {
  const { doc, dropped } = dropIgnoredKeys(given, anchors);
  ctx.nameVars(plainVarNames(doc));
  ctx.anchors = new AnchorTable(anchors, doc, ctx.names, repeatedBlocks(doc, anchors));
  const types = objects(doc["resource_types"]);
  const resources = objects(doc["resources"]);
  const jobs = jobObjects(doc["jobs"]);
  const consts: ConstDecl[] = [];
  consts.push(...emitResourceTypes(ctx, types));
  consts.push(...emitResources(ctx, resources, usages(jobs)));
  for (const job of jobs) ctx.jobs.set(String(job["name"]), ctx.names.allocate(String(job["name"]), "Job"));
  const jobStart = new Map<string, number>();
  for (const ordered of orderJobs(jobs)) {
    jobStart.set(String(ordered.job["name"]), consts.length);
    consts.push(...emitJob(ctx, ordered));
  }
  // Each step factory just before the first job that calls it (later ones first, so that
  // the indexes of earlier jobs stay right; a job's factories keep the order made).
  const factories = ctx.factories.decls();
  for (const f of [...factories].reverse().sort((a, b) => (jobStart.get(b.job) ?? 0) - (jobStart.get(a.job) ?? 0)))
    consts.splice(jobStart.get(f.job) ?? 0, 0, { name: f.name, init: f.init });

  const consumed = new Set(["jobs"]);
  const props: [string, Expr][] = [["jobs", arr(jobs.map((j) => id(ctx.jobs.get(String(j["name"])) ?? "")))]];
  const groups = groupsExpr(ctx, doc["groups"]);
  const groupResources = new Set(objects(doc["groups"]).flatMap((g) => (Array.isArray(g["resources"]) ? g["resources"].map(String) : [])));
  const unused = resources.map((r) => String(r["name"])).filter((n) => !ctx.usedResources.has(n) && !(groups && groupResources.has(n)));
  const resourceOrder = keepOrder(
    resources.map((r) => String(r["name"])),
    collectedResources(ctx, unused, jobs),
    unused,
  );
  if (resourceOrder.length > 0) props.push(["resources", arr(resourceOrder.map((n) => id(ctx.resources.get(n)?.constName ?? n)))]);
  consumed.add("resources").add("resource_types");
  const unusedTypes = unreferencedTypes(ctx, types, resources);
  const typeOrder = keepOrder(
    types.map((t) => String(t["name"])),
    collectedTypes(
      ctx,
      types,
      resources,
      resourceOrder.length > 0 ? resources.map((r) => String(r["name"])) : collectedResources(ctx, unused, jobs),
      unusedTypes,
    ),
    unusedTypes,
  );
  if (typeOrder.length > 0) props.push(["resourceTypes", arr(typeOrder.map((n) => id(ctx.resourceTypes.get(n) ?? n)))]);
  if (groups) {
    props.push(["groups", groups]);
    consumed.add("groups");
  }
  // Typed only when every entry compiles as a typed var source; else the list stays in `extra`.
  const varSources = doc["var_sources"];
  if (Array.isArray(varSources) && varSources.every(typedVarSourceFits)) {
    props.push(["varSources", arr(varSources.map((v) => ctx.value(v)))]);
    consumed.add("var_sources");
  }
  const display = doc["display"];
  if (
    isObject(display) &&
    Object.entries(display).every(([k, v]) => ["background_image", "background_filter"].includes(k) && typeof v === "string")
  ) {
    props.push([
      "display",
      obj(
        Object.entries(display).map(([k, v]) => [k === "background_image" ? "backgroundImage" : "backgroundFilter", ctx.value(v)] as const),
      ),
    ]);
    consumed.add("display");
  }
  const declarations = taskDeclarationConsts(ctx);
  if (declarations.length > 0 && ctx.artifactFolders) props.push(["artifacts", ctx.value(ctx.artifactFolders)]);
  const pipeline = newExpr("Pipeline", withExtra(ctx, props, doc, consumed));
  const varsDecl: ConstDecl[] =
    ctx.plainVars.size > 0 ? [{ name: ctx.varsConst, init: call("defineVars", ...[...ctx.plainVars].map(str)) }] : [];
  const all = [...varsDecl, ...ctx.anchors.decls(), ...declarations, ...consts];
  const imports = new Set<string>();
  for (const c of all) collectIds(c.init, imports);
  collectIds(pipeline, imports);
  const names = CONTRAIL_EXPORTS.filter((n) => imports.has(n))
    .sort(compareImports)
    .map((n) => (TYPE_ONLY.has(n) ? `type ${n}` : n));
  const notes = dropped.map(([key, held]) => droppedNote(ctx, key, held));
  for (const [i, [key]] of dropped.entries()) ctx.report("info", "import-dropped-key", key, notes[i] ?? "");
  return writeSourceFile(names, all, pipeline, ctx.file, notes);
}

/** Biome's import order: case-insensitive, then uppercase first. */
function compareImports(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `groups:` with job and resource consts, or undefined when it must stay in `extra`. */
function groupsExpr(ctx: ImportContext, value: JsonValue | undefined): Expr | undefined {
  if (!Array.isArray(value)) return undefined;
  const groups: Expr[] = [];
  for (const g of value) {
    if (!isObject(g) || typeof g["name"] !== "string" || Object.keys(g).some((k) => !["name", "jobs", "resources"].includes(k)))
      return undefined;
    const props: [string, Expr][] = [["name", str(g["name"])]];
    const jobs = g["jobs"];
    if (jobs !== undefined) {
      if (!Array.isArray(jobs) || !jobs.every((j) => typeof j === "string")) return undefined;
      props.push(["jobs", arr(jobs.map((j) => (ctx.jobs.has(j) ? id(ctx.jobs.get(j) ?? j) : str(j))))]);
    }
    const resources = g["resources"];
    if (resources !== undefined) {
      if (!Array.isArray(resources) || !resources.every((r) => typeof r === "string" && ctx.resources.has(r))) return undefined;
      props.push(["resources", arr(resources.map((r) => id(ctx.resources.get(String(r))?.constName ?? "")))]);
    }
    groups.push(obj(props));
  }
  return arr(groups);
}

/**
 * What to list explicitly: `needed` (declared but never collected) when render's collected
 * order already is the input's, else everything in the input's order (render registers the
 * listed ones first, in the order given), so that the result comes back in the same order.
 */
function keepOrder(input: readonly string[], collected: readonly string[], needed: readonly string[]): string[] {
  const unique = [...new Set(input)];
  const same = collected.length === unique.length && collected.every((n, i) => n === unique[i]);
  return same ? [...needed] : unique;
}

/** The order render collects resources in: the listed ones, then by first use, job by job in pipeline order. */
function collectedResources(ctx: ImportContext, listed: readonly string[], jobs: readonly JsonObject[]): string[] {
  const out = new Set(listed);
  for (const job of jobs) for (const r of ctx.jobResources.get(String(job["name"])) ?? []) out.add(r);
  return [...out];
}

/**
 * The order render collects resource types in: the listed ones, then each resource's type
 * object as the resource is registered, then the parent types as each type renders.
 */
function collectedTypes(
  ctx: ImportContext,
  types: readonly JsonObject[],
  resources: readonly JsonObject[],
  resourceOrder: readonly string[],
  listed: readonly string[],
): string[] {
  const declared = new Map(types.map((t) => [String(t["name"]), t]));
  const typeOf = new Map(resources.map((r) => [String(r["name"]), String(r["type"])]));
  const out = new Set(listed);
  for (const r of resourceOrder) if (ctx.typeRefs.has(r) && declared.has(typeOf.get(r) ?? "")) out.add(typeOf.get(r) ?? "");
  const order = [...out];
  for (let i = 0; i < order.length; i++) {
    const name = order[i] as string;
    const parent = String(declared.get(name)?.["type"]);
    if (parent !== name && declared.has(parent) && !out.has(parent)) {
      out.add(parent);
      order.push(parent);
    }
  }
  return order;
}

/** Declared types no resource or type refers to as an object: they are listed explicitly. */
function unreferencedTypes(ctx: ImportContext, types: readonly JsonObject[], resources: readonly JsonObject[]): string[] {
  const parent = new Map(types.map((t) => [String(t["name"]), String(t["type"])]));
  const seen = new Set<string>();
  const mark = (name: string): void => {
    if (seen.has(name) || !parent.has(name)) return;
    seen.add(name);
    mark(parent.get(name) ?? "");
  };
  for (const r of resources) if (ctx.typeRefs.has(String(r["name"]))) mark(String(r["type"]));
  return types.map((t) => String(t["name"])).filter((n) => !seen.has(n));
}
