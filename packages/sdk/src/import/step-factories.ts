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
import { isIdentifierName } from "./format.ts";
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
  /** The factory it calls, once resolved; undefined when written out. */
  factory: Factory | undefined;
  holes: Hole[];
}

interface Factory {
  readonly anchor: SharedAnchor;
  readonly job: string;
  /** The shape every use must have (the step with numbered holes). */
  readonly template: string;
  readonly uses: Use[];
}

const isStepNode = (node: Deferred): node is StepNode => "baseName" in node && "suffix" in node;

/** The anchored steps of one import and their uses. */
export class StepFactories {
  readonly #isTopLevel: (name: string) => boolean;
  readonly #factories = new Map<SharedAnchor, Factory>();
  readonly #pending: Use[] = [];
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
  use(anchor: SharedAnchor, job: string, inline: Expr, internal: ReadonlySet<StepNode>, top: StepNode | undefined): Expr {
    const use: Use = { anchor, job, inline, internal, top, factory: undefined, holes: [] };
    const node: Deferred = {
      expr: () => (use.factory && use.factory.uses.length >= 2 ? call(id(anchor.name), ...use.holes.map((h) => h.expr)) : inline),
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
    for (const use of this.#pending.splice(0)) {
      const holes: Hole[] = [];
      const shape = this.#abstract(use, use.inline, holes, (i, h) => id(`\u0000${i}:${h.type}`));
      if (shape === undefined) continue;
      const template = JSON.stringify(shape);
      let factory = this.#factories.get(use.anchor);
      if (!factory) {
        factory = { anchor: use.anchor, job: use.job, template, uses: [] };
        this.#factories.set(use.anchor, factory);
      }
      if (factory.template !== template) continue;
      use.factory = factory;
      use.holes = holes;
      factory.uses.push(use);
    }
  }

  /** The factories at least two uses call, with the job each is declared before, in the order made. */
  decls(): { job: string; name: string; init: Expr }[] {
    const out: { job: string; name: string; init: Expr }[] = [];
    for (const factory of this.#factories.values()) {
      const first = factory.uses[0];
      if (!first || factory.uses.length < 2) continue;
      const used = new Set<string>();
      collectIds(this.#abstract(first, first.inline, [], () => id("")) ?? id(""), used);
      const params = this.#paramNames(factory.anchor.name, first.holes, used);
      const body = this.#abstract(first, first.inline, [], (i) => id(params[i]?.name ?? ""));
      if (body) out.push({ job: factory.job, name: factory.anchor.name, init: { k: "arrow", params, body } });
    }
    return out;
  }

  /** Parameter names from what each handle is (`paasCf`), never shadowing a top-level name or one the body uses. */
  #paramNames(factory: string, holes: readonly Hole[], used: ReadonlySet<string>): Param[] {
    const taken = new Set<string>(used);
    return holes.map((h) => {
      const base = camelCase(h.base);
      const word = h.type === "LocalVar" ? "Var" : h.type === "ArtifactPath" ? "Path" : "Artifact";
      const where = `For${factory.charAt(0).toUpperCase()}${factory.slice(1)}`;
      const candidates = [base, `${base}${h.suffix}`, `${base}${word}`, `${base}${word}${where}`];
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
