/**
 * A quick "certainly valid" answer for a resource config, before zod. A render checks
 * thousands of small configs (every resource's `source`, every put's `params`) and nearly
 * all of them are fine; zod's `safeParse`, run cold on each, was most of the catalogue
 * checks' time. So each schema is walked once (through zod 4's `_zod.def`) into a plain
 * predicate that accepts only values zod certainly accepts: known keys, primitive types,
 * enums and literals, arrays, records, optional and nullable fields, unions. Whatever the
 * walk does not fully understand (a refinement, a check other than a regex, an integer or a
 * bound, a default, a transform, an exclusive union) becomes "not certain", and so does
 * every value the predicate does not accept: those go to zod, whose verdict and issues are
 * then used. A `true` here always means zod would succeed; a `false` means nothing.
 *
 * Each predicate asks what zod's own parser asks of that node (schemas.js and checks.js of
 * zod 4's core): the same `typeof` tests, the same `in` test for a required field, the same
 * index loop over an array, the same regex and bound tests. An object is judged by the keys
 * it has (one `for...in`) rather than by every key its schema declares, which is the same
 * answer for an ordinary object whose properties are all enumerable; any other object is
 * left to zod.
 *
 * @see https://zod.dev/packages/core
 */
import type { z } from "zod";

/** True only when zod certainly accepts the value. */
type Accepts = (value: unknown) => boolean;

/** What the walk reads of a zod node: its def, traits and the sets zod derives from it. */
interface ZodNode {
  readonly _zod: {
    readonly def: ZodDef;
    readonly traits: ReadonlySet<string>;
    readonly version?: unknown;
    readonly optin?: "optional" | "defaulted" | undefined;
    readonly optout?: "optional" | undefined;
    readonly values?: ReadonlySet<unknown> | undefined;
    readonly propValues?: Readonly<Record<string, ReadonlySet<unknown>>> | undefined;
  };
}

/** The fields of zod defs the walk reads; each node type has a few of them. */
interface ZodDef {
  readonly type: string;
  readonly checks?: readonly ZodNode[] | undefined;
  readonly check?: string | undefined;
  readonly coerce?: boolean | undefined;
  readonly when?: unknown;
  readonly abort?: boolean | undefined;
  // string_format, greater_than, less_than, number_format
  readonly format?: string | undefined;
  readonly pattern?: RegExp | undefined;
  readonly value?: unknown;
  readonly inclusive?: boolean | undefined;
  // optional, nullable
  readonly innerType?: ZodNode | undefined;
  // array
  readonly element?: ZodNode | undefined;
  // object
  readonly shape?: Readonly<Record<string, ZodNode>> | undefined;
  readonly catchall?: ZodNode | undefined;
  // union, discriminated union
  readonly options?: readonly ZodNode[] | undefined;
  readonly discriminator?: string | undefined;
  readonly unionFallback?: boolean | undefined;
  // record
  readonly keyType?: ZodNode | undefined;
  readonly valueType?: ZodNode | undefined;
  readonly mode?: string | undefined;
  readonly partial?: boolean | undefined;
}

const NOT_CERTAIN: Accepts = () => false;
const ANYTHING: Accepts = () => true;
const isString: Accepts = (v) => typeof v === "string";
const isBoolean: Accepts = (v) => typeof v === "boolean";
// zod's $ZodNumber: NaN and the infinities are not numbers.
const isNumber: Accepts = (v) => typeof v === "number" && Number.isFinite(v);

/** Predicates by schema node (the lazy schemas' stand-ins included), made once each. */
const compiled = new WeakMap<object, Accepts>();

/** Deeper than any catalogue schema: a deeper walk is a recursive schema, left to zod. */
const MAX_DEPTH = 32;

/**
 * True when zod certainly accepts `value` for `schema` (`safeParse(value).success`); false
 * when it may not, and then only zod can tell.
 */
export function certainlyValid(schema: z.ZodType, value: unknown): boolean {
  return predicateOf(schema as unknown as ZodNode, 0)(value);
}

/**
 * True when zod certainly accepts `value` and the value holds no `null` anywhere, because
 * the schema lets none through (no nullable, unknown or any field, no object that ignores
 * unknown keys): then the checks need not look for nulls to drop.
 */
export function certainlyValidWithoutNulls(schema: z.ZodType, value: unknown): boolean {
  const node = schema as unknown as ZodNode;
  return !mayHoldNull(node, 0) && predicateOf(node, 0)(value);
}

/** Whether a value a node's predicate accepts may hold a null, by node. */
const holdsNullByNode = new WeakMap<object, boolean>();

function mayHoldNull(node: ZodNode, depth: number): boolean {
  let known = holdsNullByNode.get(node);
  if (known === undefined) {
    // Too deep (a recursive schema): say it may, so that nulls are looked for.
    known = depth > MAX_DEPTH || letsNullThrough(node, depth + 1);
    holdsNullByNode.set(node, known);
  }
  return known;
}

function letsNullThrough(node: ZodNode, depth: number): boolean {
  // A node whose predicate accepts nothing lets nothing through.
  if (predicateOf(node, depth) === NOT_CERTAIN) return false;
  const { def, values } = node._zod;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
      return false;
    case "enum":
    case "literal":
      return values === undefined || values.has(null);
    case "optional":
      return def.innerType === undefined || mayHoldNull(def.innerType, depth);
    case "array":
      return def.element === undefined || mayHoldNull(def.element, depth);
    case "record":
      return def.valueType === undefined || mayHoldNull(def.valueType, depth);
    case "union":
      return (def.options ?? []).some((option) => mayHoldNull(option, depth));
    case "object":
      // Only a strict object checks every key's value (a catchall lets __proto__ through unchecked).
      return def.catchall?._zod.def.type !== "never" || Object.values(def.shape ?? {}).some((field) => mayHoldNull(field, depth));
    default:
      // nullable, unknown, any: null itself may pass.
      return true;
  }
}

function predicateOf(node: ZodNode, depth: number): Accepts {
  let accepts = compiled.get(node);
  if (accepts === undefined) {
    accepts = depth > MAX_DEPTH ? NOT_CERTAIN : compile(node, depth + 1);
    compiled.set(node, accepts);
  }
  return accepts;
}

/**
 * The zod release whose parser the predicates copy (package.json pins it). A schema of any
 * other release (a user's own zod, in a custom resource type) may judge differently and is
 * left to zod; after an upgrade of zod itself every schema is, until this walk has been
 * checked against the new parser and the version here changed (fast-valid.test.ts fails
 * meanwhile). Compared by value, so that this module loads no zod of its own.
 */
const WALKED_ZOD = { major: 4, minor: 6, patch: 7 } as const;

function isWalkedZod(version: unknown): boolean {
  const v = version as Partial<typeof WALKED_ZOD> | undefined;
  return v?.major === WALKED_ZOD.major && v.minor === WALKED_ZOD.minor && v.patch === WALKED_ZOD.patch;
}

function compile(node: ZodNode, depth: number): Accepts {
  const internals = (node as Partial<ZodNode>)._zod;
  if (internals?.def === undefined || !isWalkedZod(internals.version)) return NOT_CERTAIN;
  const { def, traits } = internals;
  // A schema that is itself a check (z.int(), z.email()), or coerces its input, is zod's to judge.
  if (def.check !== undefined || def.coerce === true) return NOT_CERTAIN;
  const checks = def.checks ?? [];
  switch (def.type) {
    case "string":
      return traits.has("$ZodStringFormat") ? NOT_CERTAIN : withChecks(isString, checks, stringCheck);
    case "number":
      return traits.has("$ZodNumberFormat") ? NOT_CERTAIN : withChecks(isNumber, checks, numberCheck);
    case "boolean":
      return checks.length > 0 ? NOT_CERTAIN : isBoolean;
    case "unknown":
    case "any":
      return checks.length > 0 ? NOT_CERTAIN : ANYTHING;
    case "enum":
    case "literal":
      return checks.length > 0 ? NOT_CERTAIN : oneOf(node);
    case "optional":
      return checks.length > 0 || traits.has("$ZodExactOptional") ? NOT_CERTAIN : optional(def, depth);
    case "nullable":
      return checks.length > 0 ? NOT_CERTAIN : nullable(def, depth);
    case "array":
      return checks.length > 0 ? NOT_CERTAIN : array(def, depth);
    case "object":
      return checks.length > 0 ? NOT_CERTAIN : object(def, depth);
    case "record":
      return checks.length > 0 ? NOT_CERTAIN : record(def, depth);
    case "union":
      return checks.length > 0 ? NOT_CERTAIN : union(node, depth);
    default:
      return NOT_CERTAIN;
  }
}

/** `base`, then each check; a check the walk does not know makes the node not certain. */
function withChecks(base: Accepts, checks: readonly ZodNode[], known: (check: ZodDef) => Accepts | undefined): Accepts {
  if (checks.length === 0) return base;
  const tests: Accepts[] = [];
  for (const check of checks) {
    const test = check._zod.def.when === undefined ? known(check._zod.def) : undefined;
    if (test === undefined) return NOT_CERTAIN;
    tests.push(test);
  }
  return (v) => {
    if (!base(v)) return false;
    for (const test of tests) if (!test(v)) return false;
    return true;
  };
}

/** `.regex()`: zod resets `lastIndex` and tests (checks.js, $ZodCheckRegex). */
function stringCheck(check: ZodDef): Accepts | undefined {
  const pattern = check.pattern;
  if (check.check !== "string_format" || check.format !== "regex" || !(pattern instanceof RegExp)) return undefined;
  return (v) => {
    pattern.lastIndex = 0;
    return pattern.test(v as string);
  };
}

/** `.int()` (a safe integer), `.min()`, `.max()`, `.gt()`, `.lt()` on numbers (checks.js). */
function numberCheck(check: ZodDef): Accepts | undefined {
  const bound = check.value;
  if (check.check === "number_format") return check.format === "safeint" ? (v) => Number.isSafeInteger(v) : undefined;
  if (typeof bound !== "number") return undefined;
  if (check.check === "greater_than") return check.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
  if (check.check === "less_than") return check.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
  return undefined;
}

/** An enum or literal: zod tests its own set of values. */
function oneOf(node: ZodNode): Accepts {
  const values = node._zod.values;
  return values === undefined ? NOT_CERTAIN : (v) => values.has(v);
}

function optional(def: ZodDef, depth: number): Accepts {
  const inner = def.innerType;
  // A defaulted inner type substitutes a value for undefined: zod's to judge.
  if (inner === undefined || inner._zod.optin === "defaulted") return NOT_CERTAIN;
  const accepts = predicateOf(inner, depth);
  return (v) => v === undefined || accepts(v);
}

function nullable(def: ZodDef, depth: number): Accepts {
  if (def.innerType === undefined) return NOT_CERTAIN;
  const accepts = predicateOf(def.innerType, depth);
  return (v) => v === null || accepts(v);
}

function array(def: ZodDef, depth: number): Accepts {
  if (def.element === undefined) return NOT_CERTAIN;
  const element = predicateOf(def.element, depth);
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };
}

/** True for an object whose prototype is Object.prototype or null: no inherited getters. */
function isOrdinary(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * An object: each key the value has is checked against its field (an unknown key is
 * refused by a strict object, checked by a catchall, ignored otherwise), then each
 * required field must be there. zod reads every declared field, enumerable or not; this
 * reads the value's enumerable keys only, so a value with a non-enumerable own property
 * is left to zod.
 */
function object(def: ZodDef, depth: number): Accepts {
  const shape = def.shape;
  if (shape === undefined || Object.getOwnPropertySymbols(shape).length > 0) return NOT_CERTAIN;
  const fields = new Map<string, Accepts>();
  const required: string[] = [];
  for (const key of Object.keys(shape)) {
    // A field named like one of Object.prototype's (`constructor`, `__proto__`) is read
    // differently by zod (it skips `__proto__`, and `in` finds the inherited ones).
    if (key in Object.prototype) return NOT_CERTAIN;
    const field = shape[key] as ZodNode;
    fields.set(key, predicateOf(field, depth));
    // handlePropertyResult: an absent key is fine only for an optional-in, optional-out field.
    if (!(field._zod.optin === "optional" && field._zod.optout === "optional")) required.push(key);
  }
  const unknownKey = unknownKeyPredicate(def.catchall, depth);
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v) || !isOrdinary(v)) return false;
    const o = v as Record<string, unknown>;
    let seen = 0;
    for (const key in o) {
      seen++;
      const field = fields.get(key);
      if (field === undefined ? !unknownKey(key, o[key]) : !field(o[key])) return false;
    }
    if (seen !== Object.getOwnPropertyNames(o).length) return false;
    for (const key of required) if (!(key in o)) return false;
    return true;
  };
}

/** How an object judges a key its shape does not declare (handleCatchall in zod). */
function unknownKeyPredicate(catchall: ZodNode | undefined, depth: number): (key: string, value: unknown) => boolean {
  if (catchall === undefined) return () => true;
  if (catchall._zod.def.type === "never") return () => false;
  const accepts = predicateOf(catchall, depth);
  // zod skips an undeclared __proto__; any other key is present, so its value must pass.
  return (key, value) => key === "__proto__" || accepts(value);
}

/**
 * `z.record(z.string(), value)`: zod wants a plain object, then checks each own enumerable
 * key (a symbol fails a string key type) and its value.
 */
function record(def: ZodDef, depth: number): Accepts {
  const keyType = def.keyType;
  if (def.valueType === undefined || keyType === undefined || def.partial === true || def.mode === "loose") return NOT_CERTAIN;
  const key = keyType._zod;
  const plainStringKeys =
    key?.def !== undefined &&
    key.def.type === "string" &&
    key.def.check === undefined &&
    key.def.coerce !== true &&
    (key.def.checks ?? []).length === 0 &&
    key.values === undefined &&
    !key.traits.has("$ZodStringFormat");
  if (!plainStringKeys) return NOT_CERTAIN;
  const value = predicateOf(def.valueType, depth);
  return (v) => {
    // isPlainObject in zod's util: an own `constructor` would be read as the constructor.
    if (typeof v !== "object" || v === null || Array.isArray(v) || !isOrdinary(v) || Object.hasOwn(v, "constructor")) return false;
    for (const k of Reflect.ownKeys(v)) {
      if (k === "__proto__" || !Object.prototype.propertyIsEnumerable.call(v, k)) continue;
      if (typeof k === "symbol" || !value((v as Record<string, unknown>)[k])) return false;
    }
    return true;
  };
}

/**
 * A union passes when one option does. A discriminated union picks the one option whose
 * discriminator values hold the value's; an exclusive union (`z.xor`) is zod's to judge.
 */
function union(node: ZodNode, depth: number): Accepts {
  const def = node._zod.def;
  const options = def.options ?? [];
  if (options.length === 0) return NOT_CERTAIN;
  const discriminator = def.discriminator;
  if (discriminator !== undefined) return discriminated(discriminator, options, depth);
  if (def.inclusive === false || node._zod.traits.has("$ZodXor")) return NOT_CERTAIN;
  const tests = options.map((option) => predicateOf(option, depth));
  return (v) => {
    for (const test of tests) if (test(v)) return true;
    return false;
  };
}

function discriminated(discriminator: string, options: readonly ZodNode[], depth: number): Accepts {
  const byValue = options.map((option) => ({ values: option._zod.propValues?.[discriminator], accepts: predicateOf(option, depth) }));
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    const tag = (v as Record<string, unknown>)[discriminator];
    let chosen: Accepts | undefined;
    for (const option of byValue) {
      if (option.values?.has(tag) !== true) continue;
      // Two options claiming one value: zod's map marks it taken by none.
      if (chosen !== undefined) return false;
      chosen = option.accepts;
    }
    return chosen?.(v) === true;
  };
}
