/**
 * The small expression tree the importer builds before printing: just the TypeScript
 * constructs generated pipelines use (literals, identifiers, calls, `new`, object and array
 * literals, arrow functions). {@link printExpr} lays it out.
 */

/** A reference to something that becomes a `const` or stays inline, decided after the walk. */
export interface Deferred {
  /** The expression, inline. */
  readonly expr: () => Expr;
  /** The const's name, once the node was found to be referenced. */
  constName?: string | undefined;
}

/** A TypeScript expression. */
export type Expr =
  | { readonly k: "str"; readonly v: string }
  | { readonly k: "num"; readonly v: number }
  | { readonly k: "bool"; readonly v: boolean }
  | { readonly k: "null" }
  | { readonly k: "id"; readonly name: string }
  | { readonly k: "member"; readonly object: Expr; readonly name: string }
  | { readonly k: "tpl"; readonly parts: readonly (string | Expr)[] }
  | { readonly k: "call"; readonly callee: Expr; readonly args: readonly Expr[]; readonly isNew?: boolean }
  | { readonly k: "obj"; readonly props: readonly (readonly [string, Expr])[] }
  | { readonly k: "arr"; readonly items: readonly Expr[] }
  | { readonly k: "arrow"; readonly body: Expr | Block; readonly params?: readonly Param[] }
  | { readonly k: "ref"; readonly node: Deferred };

/** A typed parameter of an arrow function: `name: type`. */
export interface Param {
  readonly name: string;
  /** The type's name, imported from contrail. */
  readonly type: string;
}

/** A block body: const statements, then `return value`. */
export interface Block {
  readonly k: "block";
  readonly consts: readonly (readonly [string, Expr])[];
  readonly ret: Expr;
}

/** The key under which an object literal spreads a value: `{ ...name }`. */
export const SPREAD = "\u0000...";

/** A string literal. */
export const str = (v: string): Expr => ({ k: "str", v });
/** An identifier. */
export const id = (name: string): Expr => ({ k: "id", name });
/** `object.name` (or `object["name"]` when it is not an identifier). */
export const member = (object: Expr, name: string): Expr => ({ k: "member", object, name });
/** A call `callee(args)`. */
export const call = (callee: Expr | string, ...args: Expr[]): Expr => ({
  k: "call",
  callee: typeof callee === "string" ? id(callee) : callee,
  args,
});
/** `new Class(args)`. */
export const newExpr = (className: string, ...args: Expr[]): Expr => ({ k: "call", callee: id(className), args, isNew: true });
/** An object literal, from entries in order. */
export const obj = (props: readonly (readonly [string, Expr])[]): Expr => ({ k: "obj", props });
/** An array literal. */
export const arr = (items: readonly Expr[]): Expr => ({ k: "arr", items });

/** Resolves `ref` nodes to their const or their inline expression. */
export function deref(expr: Expr): Expr {
  let e = expr;
  while (e.k === "ref") e = e.node.constName !== undefined ? id(e.node.constName) : e.node.expr();
  return e;
}

/** The identifiers an expression uses (through `ref` nodes, and the types of arrow parameters). */
export function collectIds(expr: Expr, into: Set<string>): void {
  const e = deref(expr);
  switch (e.k) {
    case "id":
      into.add(e.name);
      return;
    case "member":
      collectIds(e.object, into);
      return;
    case "tpl":
      for (const p of e.parts) if (typeof p !== "string") collectIds(p, into);
      return;
    case "call":
      collectIds(e.callee, into);
      for (const a of e.args) collectIds(a, into);
      return;
    case "obj":
      for (const [, v] of e.props) collectIds(v, into);
      return;
    case "arr":
      for (const i of e.items) collectIds(i, into);
      return;
    case "arrow":
      for (const p of e.params ?? []) into.add(p.type);
      if (e.body.k === "block") {
        for (const [, init] of e.body.consts) collectIds(init, into);
        collectIds(e.body.ret, into);
      } else collectIds(e.body, into);
      return;
    default:
      return;
  }
}
