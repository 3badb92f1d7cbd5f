/**
 * The machinery behind the typed resource catalogue: a resource's zod schemas plus its
 * cross-field rules make a {@link ResourceSpec}, which checks rendered `source`, get
 * `params`, put `params` and `version` values and returns problems with a code and a path.
 * Builders report them at render; `checkResourceConfig` (check.ts) serves the linter.
 *
 * @see https://concourse-ci.org/resource-types.html
 */

import type { z } from "zod";
import type { ResourceOptions } from "../builders/resource.ts";
import type { Input } from "../builders/values.ts";
import type { PathSegment } from "../diagnostics/diagnostic.ts";
import { isCredentialKey, uriCredential } from "../diagnostics/secrets.ts";
import { isGoDuration } from "../go/duration.ts";
import { certainlyValid, certainlyValidWithoutNulls } from "./fast-valid.ts";

/** Which part of a resource's config a value is. */
export type ConfigKind = "source" | "get" | "put" | "version";

/** One problem in a resource's config, relative to the value checked. */
export interface ConfigIssue {
  /** Where, inside the value checked (`["tag_regex"]`). */
  readonly path: PathSegment[];
  /** A stable kebab-case code, e.g. `git-tag-filter-and-regex`. */
  readonly code: string;
  /** `error`: the resource fails at check/get/put time. `warning`: deprecated or ignored. */
  readonly severity: "error" | "warning";
  /** What is wrong, in one line. */
  readonly message: string;
  /** How to fix it. */
  readonly hint?: string;
}

/** What a rule may know besides the value: the resource's `source`, for put rules. */
export interface RuleContext {
  readonly source?: unknown;
}

/** Reports one problem from a rule. */
export type Report = (code: string, severity: "error" | "warning", path: PathSegment[], message: string, hint?: string) => void;

/** A cross-field rule over a config object. */
export type Rule = (value: Obj, report: Report, context: RuleContext) => void;

/** A plain config object. */
export type Obj = Readonly<Record<string, unknown>>;

/** What a resource type's entry in the catalogue declares. */
export interface ResourceSpecProps {
  /** The type's name in pipelines (`git`). */
  readonly type: string;
  /** The type's README, linked from messages. */
  readonly readme: string;
  /** True when the resource itself rejects unknown keys (then they are errors, else warnings). */
  readonly strict: boolean;
  /** Schemas per kind; a kind without one is not checked (`put` absent: the type has no `out`). */
  readonly schemas: { readonly [K in ConfigKind]?: z.ZodType };
  /** Cross-field rules per kind. */
  readonly rules?: { readonly [K in ConfigKind]?: readonly Rule[] };
}

/** A resource type's schemas and rules, able to check values. */
export interface ResourceSpec extends ResourceSpecProps {
  /** Checks one value; `[]` when it is fine. */
  validate(kind: ConfigKind, value: unknown, context?: RuleContext): ConfigIssue[];
}

/** Makes a {@link ResourceSpec}. */
export function defineSpec(props: ResourceSpecProps): ResourceSpec {
  return { ...props, validate: (kind, value, context = {}) => checkValue(props, kind, value, context) };
}

/** True for a string that is one whole `((var))`, which Concourse replaces by a value of any type. */
export function isVar(value: unknown): value is string {
  return typeof value === "string" && /^\(\([^()]+\)\)$/.test(value.trim());
}

/** True when a field is set: not missing, null, `false` or `""`. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== "";
}

/** The object at `value`, or undefined. */
export function asObj(value: unknown): Obj | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

/**
 * The value with every `null` object field removed: that is how the resources read it. The
 * Go ones decode with encoding/json, where "unmarshaling a JSON null into any other Go type
 * has no effect on the value" (https://pkg.go.dev/encoding/json#Unmarshal; e.g.
 * concourse/registry-image-resource `types.go`, concourse/time-resource `models/models.go`);
 * the shell ones (concourse/git-resource `assets/check`) read fields with jq's
 * `.source.x // ""`, which takes null for absent. So `tag: null` is "not set", never a
 * wrong type, and a required field set to null is missing.
 */
function withoutNulls(value: unknown): unknown {
  if (!hasNull(value)) return value;
  if (Array.isArray(value)) return value.map(withoutNulls);
  const o = asObj(value);
  if (o === undefined) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(o)) if (v !== null) out[key] = withoutNulls(v);
  return out;
}

/** True when `value` holds a `null` anywhere (most configs do not: no copy is needed then). */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasNull);
  for (const key in value) if (hasNull((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * Results of {@link checkValue} by spec, kind and the JSON of the value (and the source,
 * for a put), for the values the fast path (fast-valid.ts) is not sure of: the rules and
 * schemas are pure, and one render checks such a value twice (synth, then lint on the same
 * config). Valid values skip it: making the key costs about what their check costs.
 * Bounded, so that a long-lived process does not keep every config it ever checked.
 */
const checked = new WeakMap<ResourceSpecProps, Map<string, readonly ConfigIssue[]>>();
const CACHE_LIMIT = 10_000;

/**
 * A text that tells apart every value the checks could tell apart: JSON-like, but NaN,
 * infinities, -0 and `undefined` (in arrays and as field values) are written as
 * themselves. Undefined for anything else (a function, a class instance such as a Date, a
 * cycle): such a value is checked without the cache.
 */
function keyOf(value: unknown, depth = 0): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return "undefined";
    case "object": {
      if (value === null) return "null";
      if (depth > 64) return undefined;
      if (Array.isArray(value)) {
        let out = "[";
        for (const item of value) {
          const key = keyOf(item, depth + 1);
          if (key === undefined) return undefined;
          out += `${key},`;
        }
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      let out = "{";
      for (const field in value) {
        if (!Object.hasOwn(value, field)) continue;
        const key = keyOf((value as Record<string, unknown>)[field], depth + 1);
        if (key === undefined) return undefined;
        out += `${JSON.stringify(field)}:${key},`;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}

/** The cache key of a value and its context; undefined when it cannot be cached. */
function cacheKey(kind: ConfigKind, value: unknown, context: RuleContext): string | undefined {
  const key = keyOf(value);
  if (key === undefined) return undefined;
  if (kind !== "put") return `${kind} ${key}`;
  const source = keyOf(context.source);
  return source === undefined ? undefined : `${kind} ${key} ${source}`;
}

/**
 * The problems of an empty object, by spec and kind, when no source is given: every get
 * without params is one (half the checks of a typical render), and they are all alike.
 */
const emptyChecked = new WeakMap<ResourceSpecProps, { [K in ConfigKind]?: readonly ConfigIssue[] }>();

/** True for `{}`: an ordinary object with no property at all, own or inherited. */
function isEmptyObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const _ in value) return false;
  return Object.getOwnPropertyNames(value).length === 0;
}

function checkValue(spec: ResourceSpecProps, kind: ConfigKind, given: unknown, givenContext: RuleContext): ConfigIssue[] {
  const schema = spec.schemas[kind];
  if (schema === undefined) return [];
  if (givenContext.source !== undefined || !isEmptyObject(given)) return checkAny(spec, schema, kind, given, givenContext);
  let byKind = emptyChecked.get(spec);
  if (byKind === undefined) {
    byKind = {};
    emptyChecked.set(spec, byKind);
  }
  byKind[kind] ??= checkAny(spec, schema, kind, given, givenContext);
  const issues = byKind[kind];
  return issues.length === 0 ? [] : [...issues];
}

/** Checks one value: the fast path, else the remembered result, else the rules and zod. */
function checkAny(spec: ResourceSpecProps, schema: z.ZodType, kind: ConfigKind, given: unknown, givenContext: RuleContext): ConfigIssue[] {
  // Most values are valid: then the rules alone speak, and neither zod nor the cache (whose
  // key is the value's whole text, and which a render's distinct values mostly miss) is
  // needed. Most schemas let no null through: a value they accept has none to drop.
  if (certainlyValidWithoutNulls(schema, given ?? {})) return runRules(spec, kind, given, givenContext);
  const value = withoutNulls(given);
  if (certainlyValid(schema, value ?? {})) return runRules(spec, kind, value, givenContext);
  const key = cacheKey(kind, given, givenContext);
  let bySpec = checked.get(spec);
  const known = key === undefined ? undefined : bySpec?.get(key);
  if (known !== undefined) return [...known];
  const issues = checkUncached(spec, schema, kind, value, givenContext);
  if (key !== undefined) {
    if (bySpec === undefined) {
      bySpec = new Map();
      checked.set(spec, bySpec);
    }
    if (bySpec.size >= CACHE_LIMIT) bySpec.clear();
    bySpec.set(key, issues);
  }
  return [...issues];
}

/** Checks `value` (already without nulls) with the rules and zod: the schema's issues first. */
function checkUncached(
  spec: ResourceSpecProps,
  schema: z.ZodType,
  kind: ConfigKind,
  value: unknown,
  givenContext: RuleContext,
): ConfigIssue[] {
  const ruleIssues = runRules(spec, kind, value, givenContext);
  // jitless: each config is parsed once or twice; compiling zod's fast path costs more (render.ts).
  const result = schema.safeParse(value ?? {}, { jitless: true });
  if (result.success) return ruleIssues;
  // A field a rule reports on is not reported again by the schema, in other words.
  const claimed = new Set(ruleIssues.map((i) => i.path.join("\u0000")));
  const schemaIssues = result.error.issues.flatMap((issue) => fromZod(spec, kind, value ?? {}, issue));
  return [...schemaIssues.filter((i) => !claimed.has(i.path.join("\u0000"))), ...ruleIssues];
}

/** Where {@link collect} puts the problems of the rules running now. */
let sink: ConfigIssue[] = [];

/** The one {@link Report} every rule is given (not a closure per check: a render runs thousands). */
const collect: Report = (code, severity, path, message, hint) => {
  sink.push(hint !== undefined ? { code, severity, path, message, hint } : { code, severity, path, message });
};

/** The problems the kind's cross-field rules find in `value` (already without nulls). */
function runRules(spec: ResourceSpecProps, kind: ConfigKind, value: unknown, givenContext: RuleContext): ConfigIssue[] {
  const ruleIssues: ConfigIssue[] = [];
  const rules = spec.rules?.[kind];
  const obj = asObj(value);
  if (rules === undefined || rules.length === 0 || obj === undefined) return ruleIssues;
  const source = givenContext.source;
  const context = source === undefined || !hasNull(source) ? givenContext : { ...givenContext, source: withoutNulls(source) };
  const outer = sink;
  sink = ruleIssues;
  try {
    for (const rule of rules) rule(obj, collect, context);
  } finally {
    sink = outer;
  }
  return ruleIssues;
}

/** The value at `path` inside `root`. */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * The offending value, for a message; only its kind when the field holds a credential
 * (`password`, `private_key`...) or the value has one in a URI, since messages are printed
 * and logged.
 */
export function describeValue(value: unknown, key?: string | number): string {
  if (value === null) return "null";
  const secret = (typeof key === "string" && isCredentialKey(key)) || (typeof value === "string" && uriCredential(value) !== undefined);
  const kind = Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
  if (secret) return `${kind} (value hidden: it is a credential)`;
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string '${value}'`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value)}`;
}

function fromZod(spec: ResourceSpecProps, kind: ConfigKind, root: unknown, issue: z.core.$ZodIssue): ConfigIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const value = at(root, path);
  const what = `${spec.type} ${kind === "source" ? "source" : kind === "version" ? "version" : `${kind} params`}`;
  const hint = `See ${spec.readme}`;
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...path, key],
      code: "resource-unknown-field",
      severity: spec.strict ? "error" : "warning",
      message: `unknown field '${key}' in ${what}${spec.strict ? ": the resource rejects unknown fields" : ": the resource ignores it"}`,
      hint,
    }));
  }
  if (isVar(value)) return [];
  const field = path.length > 0 ? `'${path.join(".")}'` : what;
  if (issue.code === "invalid_type" && value === undefined) {
    return [{ path, code: "resource-missing-field", severity: "error", message: `${field} is required in ${what}`, hint }];
  }
  if (issue.code === "invalid_type") {
    return [
      {
        path,
        code: "resource-wrong-type",
        severity: "error",
        message: `${field} must be ${article(issue.expected)}, not ${describeValue(value, field)}`,
        hint,
      },
    ];
  }
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map((v) => String(v)).join(", ");
    return [
      {
        path,
        code: "resource-invalid-value",
        severity: "error",
        message: `${field} must be one of ${allowed}, not ${describeValue(value, field)}`,
        hint,
      },
    ];
  }
  if (issue.code === "invalid_union") {
    const expected = [
      ...new Set(
        issue.errors
          .flat()
          .map((e) => (e.code === "invalid_type" ? e.expected : e.code === "invalid_value" ? e.values.map(String).join(" | ") : "")),
      ),
    ]
      .filter(Boolean)
      .join(" or ");
    const options =
      "options" in issue && Array.isArray(issue.options) ? issue.options.map(String).filter((o) => o !== "null" && o !== "undefined") : [];
    const note = options.length > 0 ? `${field} must be one of ${options.join(", ")}` : `${field} must be ${expected || "another type"}`;
    return [
      { path, code: "resource-invalid-value", severity: "error", message: `${note}, not ${describeValue(value, path.at(-1))}`, hint },
    ];
  }
  if (issue.code === "custom") {
    const params = asObj(issue.params);
    const code = typeof params?.["code"] === "string" ? params["code"] : "resource-invalid-value";
    const severity = params?.["severity"] === "warning" ? "warning" : "error";
    return [{ path, code, severity, message: issue.message, hint }];
  }
  return [{ path, code: "resource-invalid-value", severity: "error", message: `${field}: ${issue.message}`, hint }];
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

// ---------------------------------------------------------------------------------------
// Rule helpers
// ---------------------------------------------------------------------------------------

/** `a` and `b` must not both be set; reported at `b`. */
export function exclusive(a: string, b: string, code: string, why = "the resource fails when both are set"): Rule {
  return (v, report) => {
    if (isSet(v[a]) && isSet(v[b]))
      report(code, "error", [b], `'${a}' and '${b}' are mutually exclusive: ${why}`, `Keep one of '${a}' and '${b}'.`);
  };
}

/** `field`, when set, needs `needed`; reported at `field`. */
export function requires(field: string, needed: string, code: string, severity: "error" | "warning" = "error", why = ""): Rule {
  return (v, report) => {
    if (isSet(v[field]) && !isSet(v[needed]))
      report(code, severity, [field], `'${field}' needs '${needed}'${why ? `: ${why}` : ""}`, `Set '${needed}', or remove '${field}'.`);
  };
}

/** `a` and `b` are set together or not at all; reported at the one set. */
export function together(a: string, b: string, code: string): Rule {
  return (v, report) => {
    if (isSet(v[a]) !== isSet(v[b])) {
      const [given, missing] = isSet(v[a]) ? [a, b] : [b, a];
      report(
        code,
        "error",
        [given],
        `'${a}' and '${b}' must be set together, but only '${given}' is`,
        `Set '${missing}' as well, or remove '${given}'.`,
      );
    }
  };
}

/** A deprecated field: a warning naming the replacement. */
export function deprecated(field: string, code: string, replacement: string): Rule {
  return (v, report) => {
    if (v[field] !== undefined) report(code, "warning", [field], `'${field}' is deprecated: ${replacement}`);
  };
}

/** A field that must be a string even though it looks like something else (YAML numbers, booleans). */
export function mustBeString(field: string, code: string, why: string): Rule {
  return (v, report) => {
    const value = v[field];
    if (value !== undefined && typeof value !== "string") {
      report(code, "error", [field], `'${field}' must be a string, not ${describeValue(value)}: ${why}`, quoteHint(value));
    }
  };
}

/**
 * The fix for a value where a string belongs: a scalar is quoted as the text YAML gave it;
 * a list or a map (`String()` of which says nothing, or throws for a map without a
 * prototype) is to be replaced.
 */
export function quoteHint(value: unknown): string {
  return typeof value === "object" && value !== null ? "Give a string instead." : `Quote it: "${String(value)}".`;
}

/** A field holding a Go duration (`"10s"`, `"1h30m"`). */
export function goDuration(field: string, code: string): Rule {
  return (v, report) => {
    const value = v[field];
    if (value === undefined || isVar(value)) return;
    if (typeof value !== "string" || !isGoDuration(value)) {
      report(
        code,
        "error",
        [field],
        `'${field}' must be a Go duration string such as "10s" or "1h30m", not ${describeValue(value, field)}`,
      );
    }
  };
}

// ---------------------------------------------------------------------------------------
// Builder option types
// ---------------------------------------------------------------------------------------

/** Options of a typed resource: `source` is required when the type has required fields. */
export type TypedResourceOptions<Source> =
  Record<never, never> extends Source ? ResourceOptions<Source> : ResourceOptions<Source> & { readonly source: Input<Source> };
