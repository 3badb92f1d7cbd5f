/**
 * `resource_types:` and `resources:` to consts: `new ResourceType(...)`, a typed class
 * (`new GitResource(...)`) when the type and values fit one, else `new Resource(...)`.
 */
import { isGoDuration } from "../go/duration.ts";
import type { JsonValue } from "../model/common.ts";
import { CATALOGUE, type CatalogueEntry } from "./catalogue.ts";
import type { ImportContext } from "./context.ts";
import { type Expr, id, newExpr, obj, str } from "./expr.ts";
import { isObject, type JsonObject } from "./load.ts";
import { fits } from "./shapes.ts";

/** A generated const. */
export interface ConstDecl {
  readonly name: string;
  readonly init: Expr;
}

type Props = [string, Expr][];

/** Moves every key not consumed into `extra`, rendered as it is. */
export function withExtra(ctx: ImportContext, props: Props, source: JsonObject, consumed: ReadonlySet<string>): Expr {
  const extra = Object.entries(source).filter(([key]) => !consumed.has(key));
  if (extra.length > 0) props.push(["extra", obj(extra.map(([key, value]) => [key, ctx.value(value)] as const))]);
  return obj(props);
}

const isDuration = (v: JsonValue | undefined, never = false): v is string =>
  typeof v === "string" && (isGoDuration(v) || (never && v === "never"));
const isStrings = (v: JsonValue | undefined): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** The typed slot of a resource or type field, when the value fits it. */
function common(ctx: ImportContext, r: JsonObject, props: Props, consumed: Set<string>, fields: readonly string[]): void {
  const take = (key: string, option: string, expr: Expr): void => {
    props.push([option, expr]);
    consumed.add(key);
  };
  for (const key of fields) {
    const v = r[key];
    if (v === undefined) continue;
    if (key === "icon" && typeof v === "string") take(key, "icon", str(v));
    else if (key === "check_every" && isDuration(v, true)) take(key, "checkEvery", str(v));
    else if (key === "check_timeout" && isDuration(v)) take(key, "checkTimeout", str(v));
    else if (key === "version" && fits(v, "stringMap")) take(key, "version", ctx.value(v));
    else if (key === "webhook_token" && typeof v === "string") take(key, "webhookToken", ctx.value(v));
    else if (key === "tags" && isStrings(v)) take(key, "tags", ctx.value(v));
    else if ((key === "public" || key === "privileged") && typeof v === "boolean") take(key, key, { k: "bool", v });
    else if (key === "expose_build_created_by" && typeof v === "boolean") take(key, "exposeBuildCreatedBy", { k: "bool", v });
    else if (key === "old_name" && typeof v === "string") take(key, "oldName", str(v));
    else if ((key === "params" || key === "defaults") && isObject(v)) take(key, key, ctx.value(v));
  }
}

/** True when the declared type is exactly the one a typed class declares by default. */
function isDefaultType(entry: CatalogueEntry | undefined, t: JsonObject): boolean {
  const d = entry?.defaultType;
  if (!d) return false;
  const keys = Object.keys(t).sort().join(",");
  return (keys === "name,source,type" && t["type"] === d.type && JSON.stringify(t["source"]) === JSON.stringify(d.source)) || false;
}

/** Declares every resource type; returns their consts in an order that compiles. */
export function emitResourceTypes(ctx: ImportContext, types: readonly JsonObject[]): ConstDecl[] {
  const out: ConstDecl[] = [];
  const byName = new Map(types.map((t) => [String(t["name"]), t]));
  for (const t of types) {
    const name = String(t["name"]);
    if (isDefaultType(CATALOGUE[name], t)) {
      ctx.resourceTypes.set(name, CATALOGUE[name]?.defaultType?.exportName ?? name);
      ctx.use(CATALOGUE[name]?.defaultType?.exportName ?? name);
    } else ctx.resourceTypes.set(name, ctx.names.allocate(name, "Type"));
  }
  const done = new Set<string>();
  const visit = (t: JsonObject, path: Set<string>): void => {
    const name = String(t["name"]);
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    const parent = typeof t["type"] === "string" ? byName.get(t["type"]) : undefined;
    if (parent) visit(parent, path);
    done.add(name);
    const constName = ctx.resourceTypes.get(name) ?? name;
    if (isDefaultType(CATALOGUE[name], t)) return;
    const consumed = new Set(["name", "type"]);
    const typeName = t["type"];
    const props: Props = [];
    const parentConst = typeof typeName === "string" && done.has(typeName) ? ctx.resourceTypes.get(typeName) : undefined;
    props.push(["type", parentConst !== undefined && typeName !== name ? id(parentConst) : ctx.value(typeName ?? null)]);
    if (isObject(t["source"])) {
      props.push(["source", ctx.value(t["source"])]);
      consumed.add("source");
    }
    common(ctx, t, props, consumed, ["privileged", "params", "check_every", "tags", "defaults"]);
    out.push({ name: constName, init: newExpr("ResourceType", str(name), withExtra(ctx, props, t, consumed)) });
    ctx.use("ResourceType");
  };
  for (const t of types) visit(t, new Set());
  return out;
}

/** Declares every resource, typed where it fits, and records it in `ctx.resources`. */
export function emitResources(ctx: ImportContext, resources: readonly JsonObject[], usages: ResourceUsage): ConstDecl[] {
  return resources.map((r) => {
    const name = String(r["name"]);
    const constName = ctx.names.allocate(name, "Resource");
    const typeName = typeof r["type"] === "string" ? r["type"] : undefined;
    const entry = typeName !== undefined ? CATALOGUE[typeName] : undefined;
    const typed = entry !== undefined && typedFits(ctx, entry, r, usages.get(name));
    const props: Props = [];
    const consumed = new Set(["name", "type"]);
    if (!typed) {
      const typeConst = typeName !== undefined ? ctx.resourceTypes.get(typeName) : undefined;
      props.push(["type", typeConst !== undefined ? id(typeConst) : ctx.value(r["type"] ?? null)]);
      if (typeConst !== undefined) ctx.typeRefs.add(name);
    }
    common(ctx, r, props, consumed, [
      "icon",
      "check_every",
      "check_timeout",
      "version",
      "webhook_token",
      "tags",
      "public",
      "expose_build_created_by",
      "old_name",
    ]);
    if (isObject(r["source"])) {
      props.push(["source", ctx.value(r["source"])]);
      consumed.add("source");
    }
    if (typed && entry?.defaultType && typeName !== undefined && ctx.resourceTypes.get(typeName) !== entry.defaultType.exportName) {
      props.push(["resourceType", id(ctx.resourceTypes.get(typeName) ?? typeName)]);
    }
    if (typed && entry?.defaultType) ctx.typeRefs.add(name);
    const className = typed && entry ? entry.className : "Resource";
    ctx.use(className);
    ctx.resources.set(name, {
      constName,
      files: typed ? entry?.files : undefined,
      canPut: !typed || entry?.canPut === true,
    });
    return { name: constName, init: newExpr(className, str(name), withExtra(ctx, props, r, consumed)) };
  });
}

/** Get and put params a resource is used with, by resource name. */
export type ResourceUsage = ReadonlyMap<string, { readonly gets: (JsonValue | undefined)[]; readonly puts: (JsonValue | undefined)[] }>;

function typedFits(
  ctx: ImportContext,
  entry: CatalogueEntry,
  r: JsonObject,
  usage: ResourceUsage extends ReadonlyMap<string, infer U> ? U | undefined : never,
): boolean {
  if (!isObject(r["source"]) || !entry.fits("source", r["source"])) return false;
  const typeName = String(r["type"]);
  if (entry.defaultType && !ctx.resourceTypes.has(typeName)) return false;
  if (!usage) return true;
  if (!usage.gets.every((p) => entry.fits("get", p))) return false;
  return usage.puts.every((p) => entry.fits("put", p, r["source"]));
}
