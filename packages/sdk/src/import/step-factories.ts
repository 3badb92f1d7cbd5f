/**
 * Anchored steps as factory functions. A YAML anchor on a whole step (`- &bosh-deploy` ...
 * `- *bosh-deploy`) is a block a person would write once; but a contrail step object cannot
 * be shared between places in a plan: its inputs are the handles of the steps before it in
 * its own job, and its outputs are handles for the steps after it. So a person writes a
 * function, called at each use with the handles that differ:
 *
 * ```ts
 * const boshDeploy = (paasCf: Artifact) => new Task("bosh-deploy", { inputs: [paasCf], ... });
 * ```
 *
 * Each use is built as usual (in its own scope), then abstracted: the handles of steps
 * outside it become parameters, everything else must be the same at every use. A use that
 * differs, or whose inner steps are referred to from outside (a factory can only hand back
 * the step it makes), stays written out. A factory only one use would call is not made.
 */
import { isSharedNode, type SharedAnchor } from "./anchors.ts";
import { call, collectIds, type Deferred, type Expr, id, type Param } from "./expr.ts";
import { isIdentifierName, stringLiteral } from "./format.ts";
import { camelCase } from "./names.ts";
import type { StepNode } from "./scope.ts";

/** The contrail types a factory's parameters are declared with. */
export const PARAM_TYPES = ["Artifact", "ArtifactPath", "LocalVar"] as const;
type ParamType = (typeof PARAM_TYPES)[number];

/** A handle from outside a use: what the factory takes as a parameter there. */
interface Hole {
  /** The handle as the use site writes it. */
  readonly expr: Expr;
  readonly type: ParamType;
  /** What the parameter is named after (the artifact or var), and the word added when that is taken. */
  readonly base: string;
  readonly suffix: string;
}

/** One place where an anchored step appears. */
interface Use {
  readonly anchor: SharedAnchor;
  /** The job it is in, to declare the factory before the first job that calls it. */
  readonly job: string;
  /** The step written out, as built at this place. */
  readonly inline: Expr;
  /** The step nodes made while building it (its own, nested steps', across vars). */
  readonly internal: ReadonlySet<StepNode>;
  /** The step's own node: other steps may refer to it (its outputs), as to the factory's result. */
  readonly top: StepNode | undefined;
  /** True for a copy with values other than the anchor's (a `<<` merge override), not a plain copy. */
  readonly override: boolean;
  /** The factory it calls, once resolved; undefined when written out. */
  factory: Factory | undefined;
  holes: Hole[];
  /** The step with numbered holes, to compare with the other copies. */
  shape: Expr | undefined;
  /** The values it gives where copies differ (after a `<<` merge override), once known. */
  values: Expr[];
}

interface Factory {
  readonly anchor: SharedAnchor;
  readonly job: string;
  /** The shape every use must have (the step with numbered holes), scalars aside. */
  readonly template: Expr;
  readonly uses: Use[];
}

/** At most this many scalars may differ between copies: more is another step, not an override. */
export const MAX_VALUE_PARAMS = 3;

const isStepNode = (node: Deferred): node is StepNode => "baseName" in node && "suffix" in node;

/** The anchored steps of one import and their uses. */
export class StepFactories {
  readonly #isTopLevel: (name: string) => boolean;
  readonly #factories = new Map<SharedAnchor, Factory>();
  readonly #pending: Use[] = [];
  /** Copies with overridden values, decided once every plain copy is. */
  readonly #overrides: Use[] = [];
  /** The reference nodes standing for uses, resolved through {@link Use}. */
  readonly #useNodes = new WeakMap<Deferred, Use>();

  /**
   * `isTopLevel` tells the names a parameter must not shadow: contrail's exports and the
   * module's resources, types, jobs, anchors and vars (a parameter may shadow another job's
   * step const: it stands for such a handle).
   */
  constructor(isTopLevel: (name: string) => boolean) {
    this.#isTopLevel = isTopLevel;
  }

  /**
   * Records a use of the anchored step `anchor`, built as `inline`; returns the expression
   * to place in the plan (the factory's call or the step written out, decided later).
   */
  use(
    anchor: SharedAnchor,
    job: string,
    inline: Expr,
    internal: ReadonlySet<StepNode>,
    top: StepNode | undefined,
    override: boolean,
  ): Expr {
    const use: Use = { anchor, job, inline, internal, top, override, factory: undefined, holes: [], shape: undefined, values: [] };
    const node: Deferred = {
      expr: () =>
        use.factory && use.factory.uses.length >= 2 ? call(id(anchor.name), ...use.holes.map((h) => h.expr), ...use.values) : inline,
      constName: undefined,
    };
    this.#useNodes.set(node, use);
    this.#pending.push(use);
    return { k: "ref", node };
  }

  /**
   * Decides the uses recorded since the last call, once their job is walked (only then is
   * it known whether a later step refers to a step inside them). Inner uses come first.
   */
  resolve(): void {
    // Overrides are compared with the anchor's plain copies, so they wait for all of those.
    const pending = this.#pending.splice(0);
    this.#overrides.push(...pending.filter((u) => u.override));
    this.#adopt(pending.filter((u) => !u.override));
  }

  #adopt(uses: readonly Use[]): void {
    for (const use of uses) {
      const holes: Hole[] = [];
      const shape = this.#abstract(use, use.inline, holes, (i, h) => id(`\u0000${i}:${h.type}`));
      if (shape === undefined) continue;
      let factory = this.#factories.get(use.anchor);
      if (!factory) {
        factory = { anchor: use.anchor, job: use.job, template: shape, uses: [] };
        this.#factories.set(use.anchor, factory);
      }
      const differing = differences(factory.template, shape);
      if (differing === undefined || differing.length > MAX_VALUE_PARAMS) continue;
      // An override needs a plain copy to differ from; one that only looks like the anchor
      // once its names are handles (another put to the same resource) stays itself.
      if (use.override && (differing.length === 0 || !factory.uses.some((u) => !u.override))) continue;
      use.factory = factory;
      use.holes = holes;
      use.shape = shape;
      factory.uses.push(use);
    }
  }

  /** The factories at least two uses call, with the job each is declared before, in the order made. */
  decls(): { job: string; name: string; init: Expr }[] {
    this.#adopt(this.#overrides.splice(0));
    const out: { job: string; name: string; init: Expr }[] = [];
    for (const factory of this.#factories.values()) {
      const first = factory.uses[0];
      if (!first || factory.uses.length < 2) continue;
      // Where copies give other scalars (a `<<` merge override), the factory takes the value.
      const varying = new Map<string, Difference>();
      for (const use of factory.uses)
        for (const d of differences(factory.template, use.shape ?? factory.template) ?? []) varying.set(d.path.join("."), d);
      const values = [...varying.values()].sort((a, b) => comparePaths(a.path, b.path));
      for (const use of factory.uses) use.values = values.map((d) => at(use.shape ?? factory.template, d.path));
      const used = new Set<string>();
      collectIds(this.#abstract(first, first.inline, [], () => id("")) ?? id(""), used);
      const valueHoles = values.map((d): Hole => ({ expr: id(""), type: "LocalVar", base: d.key, suffix: "Value" }));
      const names = this.#paramNames(factory.anchor.name, [...first.holes, ...valueHoles], used);
      const params: Param[] = names.map((p, i) => {
        const d = values[i - first.holes.length];
        return d ? { name: p.name, type: literalUnion(factory.uses.map((u) => at(u.shape ?? factory.template, d.path))) } : p;
      });
      let body = this.#abstract(first, first.inline, [], (i) => id(params[i]?.name ?? ""));
      values.forEach((d, i) => {
        if (body) body = replaceAt(body, d.path, id(params[first.holes.length + i]?.name ?? ""));
      });
      if (body) out.push({ job: factory.job, name: factory.anchor.name, init: { k: "arrow", params, body } });
    }
    return out;
  }

  /** Parameter names from what each handle is (`paasCf`), never shadowing a top-level name or one the body uses. */
  #paramNames(factory: string, holes: readonly Hole[], used: ReadonlySet<string>): Param[] {
    const taken = new Set<string>(used);
    return holes.map((h) => {
      const base = camelCase(h.base);
      const word = h.suffix === "Value" ? "Value" : h.type === "LocalVar" ? "Var" : h.type === "ArtifactPath" ? "Path" : "Artifact";
      const where = `For${factory.charAt(0).toUpperCase()}${factory.slice(1)}`;
      const candidates = [base, `${base}${h.suffix}`, `${base}${word}`, `${base}${word}${where}`].filter((n) => n !== "" && !/^\d/.test(n));
      const name =
        candidates.find((n) => !taken.has(n) && !this.#isTopLevel(n) && isIdentifierName(n)) ??
        // Only when every name from meaning is taken (never seen in practice).
        `${base}${h.suffix}${taken.size + 1}`;
      taken.add(name);
      return { name, type: h.type };
    });
  }

  /**
   * `e` with the handles from outside the use replaced by `hole(i)`, and everything else
   * resolved to what prints; undefined when the use cannot be a factory's call.
   */
  #abstract(use: Use, e: Expr, holes: Hole[], hole: (i: number, h: Hole) => Expr): Expr | undefined {
    const holeFor = (h: Hole, key: Expr): Expr => {
      const at = holes.findIndex((x) => sameHandle(x.expr, key));
      if (at >= 0) return hole(at, holes[at] as Hole);
      holes.push(h);
      return hole(holes.length - 1, h);
    };
    const walk = (x: Expr): Expr | undefined => {
      switch (x.k) {
        case "ref": {
          const node = x.node;
          if (isSharedNode(node)) return id(node.constName ?? "");
          const inner = this.#useNodes.get(node);
          if (inner) return walk(node.expr());
          if (!isStepNode(node)) return undefined;
          if (use.internal.has(node)) {
            // A step inside the use that something refers to cannot be reached inside a function.
            if (node.referenced && node !== use.top) return undefined;
            return walk(node.expr());
          }
          if (node.suffix === "Var") return holeFor({ expr: x, type: "LocalVar", base: node.baseName, suffix: "Var" }, x);
          if (node.suffix === "Get" || node.suffix === "Put")
            return holeFor({ expr: x, type: "Artifact", base: node.baseName, suffix: node.suffix }, x);
          return undefined;
        }
        case "member": {
          const handle = outsideHandle(x, use);
          if (handle) return holeFor(handle, x);
          const object = walk(x.object);
          return object && { ...x, object };
        }
        case "call": {
          const callee = walk(x.callee);
          const args = x.args.map(walk);
          if (!callee || args.some((a) => a === undefined)) return undefined;
          return { ...x, callee, args: args as Expr[] };
        }
        case "obj": {
          const props = x.props.map(([k, v]) => [k, walk(v)] as const);
          if (props.some(([, v]) => v === undefined)) return undefined;
          return { k: "obj", props: props as [string, Expr][] };
        }
        case "arr": {
          const items = x.items.map(walk);
          return items.some((i) => i === undefined) ? undefined : { k: "arr", items: items as Expr[] };
        }
        case "tpl": {
          const parts = x.parts.map((p) => (typeof p === "string" ? p : walk(p)));
          return parts.some((p) => p === undefined) ? undefined : { k: "tpl", parts: parts as (string | Expr)[] };
        }
        case "arrow":
          return undefined;
        default:
          return x;
      }
    };
    return walk(e);
  }
}

/** `task.outputs.x` or `get.files.x` of a step outside the use. */
function outsideHandle(x: Extract<Expr, { k: "member" }>, use: Use): Hole | undefined {
  const inner = x.object;
  if (inner.k !== "member" || inner.object.k !== "ref") return undefined;
  const node = inner.object.node;
  if (!isStepNode(node) || use.internal.has(node)) return undefined;
  if (inner.name === "outputs") return { expr: x, type: "Artifact", base: x.name, suffix: "Output" };
  if (inner.name === "files") return { expr: x, type: "ArtifactPath", base: x.name, suffix: "File" };
  return undefined;
}

/** True when two handle expressions name the same thing (the same node, the same path). */
function sameHandle(a: Expr, b: Expr): boolean {
  if (a.k === "ref" && b.k === "ref") return a.node === b.node;
  if (a.k === "member" && b.k === "member") return a.name === b.name && sameHandle(a.object, b.object);
  return false;
}

/** A scalar that differs between two copies: where (child indexes), and the key holding it. */
interface Difference {
  readonly path: readonly number[];
  readonly key: string;
}

const isScalar = (e: Expr): boolean => e.k === "str" || e.k === "num" || e.k === "bool";

/** The children of an expression, in a fixed order (the positions paths count). */
function children(e: Expr): readonly Expr[] {
  switch (e.k) {
    case "member":
      return [e.object];
    case "call":
      return [e.callee, ...e.args];
    case "obj":
      return e.props.map(([, v]) => v);
    case "arr":
      return e.items;
    case "tpl":
      return e.parts.filter((p): p is Expr => typeof p !== "string");
    default:
      return [];
  }
}

/**
 * The scalars where `b` differs from `a`, when both are otherwise the same expression (same
 * kinds, keys, names, holes and template text); undefined when they differ elsewhere.
 */
function differences(a: Expr, b: Expr, path: number[] = [], key = "value"): Difference[] | undefined {
  if (isScalar(a) && isScalar(b)) return a.k === b.k && (a as { v: unknown }).v === (b as { v: unknown }).v ? [] : [{ path, key }];
  if (a.k !== b.k) return undefined;
  const head = (e: Expr): unknown => {
    switch (e.k) {
      case "id":
      case "member":
        return e.name;
      case "call":
        return e.isNew ?? false;
      case "obj":
        return e.props.map(([k]) => k);
      case "tpl":
        return e.parts.map((p) => (typeof p === "string" ? p : null));
      case "arr":
        return e.items.length;
      default:
        return JSON.stringify(e);
    }
  };
  if (JSON.stringify(head(a)) !== JSON.stringify(head(b))) return undefined;
  const ca = children(a);
  const cb = children(b);
  if (ca.length !== cb.length) return undefined;
  const out: Difference[] = [];
  for (let i = 0; i < ca.length; i++) {
    const childKey = a.k === "obj" ? (a.props[i]?.[0] ?? key) : key;
    const d = differences(ca[i] as Expr, cb[i] as Expr, [...path, i], childKey);
    if (d === undefined) return undefined;
    out.push(...d);
  }
  return out;
}

/** The subexpression at `path`. */
function at(e: Expr, path: readonly number[]): Expr {
  return path.reduce((x, i) => children(x)[i] ?? x, e);
}

/** `e` with the subexpression at `path` replaced. */
function replaceAt(e: Expr, path: readonly number[], by: Expr): Expr {
  if (path.length === 0) return by;
  const [i = 0, ...rest] = path;
  const kids = children(e).map((c, j) => (j === i ? replaceAt(c, rest, by) : c));
  switch (e.k) {
    case "member":
      return { ...e, object: kids[0] as Expr };
    case "call":
      return { ...e, callee: kids[0] as Expr, args: kids.slice(1) };
    case "obj":
      return { k: "obj", props: e.props.map(([k], j) => [k, kids[j] as Expr] as const) };
    case "arr":
      return { k: "arr", items: kids };
    case "tpl": {
      let n = 0;
      return { k: "tpl", parts: e.parts.map((p) => (typeof p === "string" ? p : (kids[n++] as Expr))) };
    }
    default:
      return e;
  }
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/** The type of a value parameter: the union of the literals the copies give, which fits wherever each did. */
function literalUnion(values: readonly Expr[]): string {
  const literals = [
    ...new Set(values.map((v) => (v.k === "str" ? stringLiteral(v.v) : v.k === "num" || v.k === "bool" ? String(v.v) : "never"))),
  ];
  if (literals.includes("true") && literals.includes("false")) return "boolean";
  return literals.join(" | ");
}
