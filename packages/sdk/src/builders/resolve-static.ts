/**
 * Resolves values outside any job (resource `source`, resource type `params`...), where
 * artifacts and local vars do not exist: using one there is reported, not rendered.
 */
import type { PathSegment } from "../diagnostics/diagnostic.ts";
import type { JsonValue } from "../model/common.ts";
import { Brand, hasBrand } from "./brand.ts";
import type { SynthContext } from "./synth-context.ts";

/** Plain JSON from a builder value that must not hold handles. */
export function resolveStatic(ctx: SynthContext, path: readonly PathSegment[], value: unknown): JsonValue {
  return resolveAt(ctx, [...path], value);
}

// `path` is one array pushed and popped on the way down (a report formats it at once).
function resolveAt(ctx: SynthContext, path: PathSegment[], value: unknown): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    ctx.report("error", "unsupported-value", path, `${value} cannot be written to a pipeline`);
    return null;
  }
  if (hasBrand(value, Brand.artifact) || hasBrand(value, Brand.artifactPath) || hasBrand(value, Brand.localVar)) {
    ctx.report(
      "error",
      "handle-outside-job",
      path,
      "an artifact or local var cannot be used here: they exist only inside a job's build",
      "Use a pipeline var (((name))) or a literal value.",
    );
    return null;
  }
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out.push(resolveAt(ctx, path, value[i]));
      path.pop();
    }
    return out;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const out: Record<string, JsonValue> = {};
    for (const key in record) {
      const item = record[key];
      if (item === undefined || !Object.hasOwn(record, key)) continue;
      path.push(key);
      out[key] = resolveAt(ctx, path, item);
      path.pop();
    }
    return out;
  }
  ctx.report("error", "unsupported-value", path, `a ${typeof value} cannot be written to a pipeline`);
  return null;
}
