/**
 * `((vars))`: values Concourse fills in from a credential manager, `fly -v`, or a local var.
 *
 * A pipeline var is a plain string with a brand in its type, so it fits anywhere a string
 * goes (template literals included). A local var (`((.:name))`) is an object, because
 * contrail checks at render that it is used only where the step defining it is in scope.
 *
 * @see https://concourse-ci.org/vars.html
 */
import { Brand } from "./brand.ts";

declare const varBrand: unique symbol;

/** A `((var))` reference: a string Concourse interpolates. */
export type VarRef = string & { readonly [varBrand]: true };

/** Concourse's var syntax (`vars/template.go`), without the parentheses. */
const VAR_PATH = /^(([-/.\w\p{L}]+:)?[-/.:@"\w\p{L}]+)$/u;

/**
 * A pipeline var, `((path))` or `((source:path.field))`.
 *
 * @example pipelineVar("docker_hub_password") // "((docker_hub_password))"
 * @example pipelineVar("vault:ci/creds.token") // "((vault:ci/creds.token))"
 * @throws Error when the path is not valid var syntax (spaces, empty, parentheses).
 * @see https://concourse-ci.org/vars.html#var-syntax
 */
export function pipelineVar(path: string): VarRef {
  if (!VAR_PATH.test(path)) {
    throw new Error(
      `contrail: '${path}' is not a valid var path. Use letters, digits and -_./:@ only, e.g. "docker_password" or "vault:team/creds.token" (see https://concourse-ci.org/vars.html#var-syntax).`,
    );
  }
  return `((${path}))` as VarRef;
}

/** A typed set of pipeline vars: property names are var paths. */
export type Vars<Name extends string = string> = { readonly [K in Name]: VarRef };

/**
 * Pipeline vars by property access: `vars.docker_hub_password` is
 * `"((docker_hub_password))"`. Use {@link defineVars} to fix the set of names so that a
 * typo fails to compile.
 */
export const vars: Vars = new Proxy({} as Vars, {
  get(_target, property) {
    if (typeof property !== "string") return undefined;
    return pipelineVar(property);
  },
});

/**
 * A closed set of pipeline vars, so that a misspelt name is a type error.
 *
 * @example
 * const secrets = defineVars("docker_hub_username", "docker_hub_password");
 * secrets.docker_hub_password // "((docker_hub_password))"
 */
export function defineVars<const Name extends string>(...names: Name[]): Vars<Name> {
  const out: Record<string, VarRef> = {};
  for (const name of names) out[name] = pipelineVar(name);
  return Object.freeze(out) as Vars<Name>;
}

const localVarNames = new Set<string>();

/**
 * Records that contrail made a local var named `name`, so that `((.:name))` in any string
 * (a template literal such as `` `v${version}` ``) is scope-checked at render. @internal
 */
export function noteLocalVarName(name: string): void {
  localVarNames.add(name);
}

/** True once any local var was made with `loadVar` or `acrossVar` in this process. @internal */
export function anyLocalVarMade(): boolean {
  return localVarNames.size > 0;
}

/** True when a local var of this name was made with `loadVar` or `acrossVar`. @internal */
export function isLocalVarName(name: string): boolean {
  return localVarNames.has(name);
}

/**
 * A local var, `((.:name))`, defined by a `load_var` step or an `across` var, usable only
 * inside the scope of the step that defines it.
 */
export interface LocalVar {
  readonly [Brand.localVar]: true;
  /** The var's name, without `.:`. */
  readonly varName: string;
  /** `((.:name))`, so that a local var works in template literals. */
  toString(): string;
}
