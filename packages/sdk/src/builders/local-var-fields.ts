/**
 * Fields of a local var: `build.fields.version` is `((.:build.version))`, for a `load_var`
 * of JSON or YAML and for across values that are objects. A field is checked like the var
 * it belongs to: used outside the var's scope, it is the same render error.
 *
 * Field names are written as Concourse parses var references (`vars/reference.go`): a
 * segment holding any of `,.:/` or a space is double-quoted (`((.:v."a.b"))`), and a name
 * Concourse could not read back (quotes, characters its var syntax refuses, a path it
 * would clean to something else) is refused when it is written.
 *
 * @see https://concourse-ci.org/vars.html#var-syntax
 * @see https://github.com/concourse/concourse/blob/master/vars/reference.go
 */
import { posix } from "node:path";
import { Brand } from "./brand.ts";
import type { LocalVar } from "./vars.ts";

/**
 * The fields of a local var whose value has type `T`: each key of an object type is a
 * {@link LocalVarField}. Values that are not objects (strings, numbers, lists: Concourse
 * reads no field of a list) have none.
 */
export type LocalVarFields<T> = [T] extends [never]
  ? Record<never, never>
  : T extends readonly unknown[]
    ? Record<never, never>
    : T extends object
      ? { readonly [K in keyof T & string]-?: LocalVarField<NonNullable<T[K]>> }
      : Record<never, never>;

/** A field of a local var: renders `((.:var.field))`, and has the fields of its own value. */
export type LocalVarField<T> = LocalVar & LocalVarFields<T>;

// Concourse's var syntax (`vars/template.go`) allows these in a reference; `"` only as quoting.
const SEGMENT = /^[-/.:@\w\p{L}]+$/u;
const NEEDS_QUOTES = /[,.:/ ]/;

/** `segment` as Concourse's `refSegmentString` writes it, or an error saying why it cannot be. */
function segmentText(segment: string, varName: string): string {
  const cleaned = posix.normalize(`/${segment}`).slice(1);
  if (!SEGMENT.test(segment) || cleaned !== segment) {
    throw new Error(
      `contrail: field '${segment}' of local var '${varName}' cannot be written as a Concourse var reference (use letters, digits and -_./:@, without '..' or '//'); rename the key in the file or the across values.`,
    );
  }
  return NEEDS_QUOTES.test(segment) ? `"${segment}"` : segment;
}

// What a field object answers itself (`then` as undefined: not a thenable, so `await`
// does not take it for a promise); any other property is a sub-field.
const OWN = new Set<PropertyKey>(["varName", "root", "toString", "valueOf", "toJSON", "then", "constructor"]);

/**
 * The field `path` of `root` (a load_var step or across var), as an object that renders
 * `((.:root.path))` and whose properties are its sub-fields. @internal
 */
export function localVarField(root: LocalVar, path: readonly string[]): LocalVar {
  const varName = [root.varName, ...path.map((segment) => segmentText(segment, root.varName))].join(".");
  const target = {
    [Brand.localVar]: true as const,
    varName,
    /** The load_var step or across var whose scope this field is checked against. */
    root,
    toString: () => `((.:${varName}))`,
    valueOf: () => `((.:${varName}))`,
    toJSON: () => `((.:${varName}))`,
  };
  return new Proxy(target, {
    get(own, property, receiver) {
      if (typeof property === "symbol" || OWN.has(property)) return Reflect.get(own, property, receiver);
      return localVarField(root, [...path, property]);
    },
  }) as unknown as LocalVar;
}

/** The object behind `variable.fields`: every property is a field of `root`. @internal */
export function localVarFields<T>(root: LocalVar): LocalVarFields<T> {
  return new Proxy(
    {},
    {
      get(_own, property) {
        if (typeof property === "symbol" || property === "then" || property === "toJSON") return undefined;
        return localVarField(root, [property]);
      },
    },
  ) as LocalVarFields<T>;
}

/** The load_var step or across var a local var (or a field of one) belongs to. */
export function rootOf(variable: LocalVar): LocalVar {
  return (variable as { root?: LocalVar }).root ?? variable;
}
