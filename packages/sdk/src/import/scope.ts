/**
 * What is visible at a point of a job's plan while importing: artifacts by name and local
 * vars, with the builders' scoping rules (`in_parallel` branches see only what came before;
 * `do`, `try` and `in_parallel` make what they produced visible afterwards; an `across`
 * step's products stay inside it). A handle is emitted only where the builders' render
 * would accept it, so the generated pipeline renders without errors.
 */
import type { Deferred, Expr } from "./expr.ts";

/** A step being imported; it becomes a const when a later step refers to it. */
export interface StepNode extends Deferred {
  /** The Concourse name the const is named after. */
  readonly baseName: string;
  /** Suffix used when the name is taken (`Get`, `Task`...). */
  readonly suffix: string;
  /** Set when a later step uses the step's artifact or local var. */
  referenced: boolean;
  /** True while the step's own hooks are walked: they cannot refer to it. */
  open: boolean;
  /** Sets the step's expression, once built. */
  set(expr: Expr): void;
}

/** Something that produced an artifact. */
export interface Producer {
  /** The step, to mark as referenced. */
  readonly node: StepNode;
  /** The artifact's handle, e.g. `build.outputs.image`. */
  readonly handle: Expr;
  /** Named files of a typed resource (`{ tag: "tag" }`), for `tag.files.tag`. */
  readonly files?: Readonly<Record<string, string>> | undefined;
}

/** Artifacts and local vars in reach. */
export class ImportScope {
  readonly #artifacts = new Map<string, Producer>();
  readonly #locals = new Map<string, StepNode>();
  readonly #parent: ImportScope | undefined;

  constructor(parent?: ImportScope) {
    this.#parent = parent;
  }

  /** The producer of the artifact `name` visible here, if any. */
  artifact(name: string): Producer | undefined {
    return this.#artifacts.get(name) ?? this.#parent?.artifact(name);
  }

  /** The load_var step defining the local var `name` visible here, if any. */
  local(name: string): StepNode | undefined {
    return this.#locals.get(name) ?? this.#parent?.local(name);
  }

  /** Makes an artifact visible from now on. */
  addArtifact(name: string, producer: Producer): void {
    this.#artifacts.delete(name);
    this.#artifacts.set(name, producer);
  }

  /** Makes a local var visible from now on. */
  addLocal(name: string, node: StepNode): void {
    this.#locals.set(name, node);
  }

  /** A nested scope. */
  child(): ImportScope {
    return new ImportScope(this);
  }

  /** Makes what was added here visible in `target`. */
  mergeInto(target: ImportScope): void {
    for (const [name, p] of this.#artifacts) target.addArtifact(name, p);
    for (const [name, n] of this.#locals) target.addLocal(name, n);
  }
}

/** A step node whose expression is set once its options are built. */
export function stepNode(baseName: string, suffix: string): StepNode {
  let built: Expr | undefined;
  return {
    baseName,
    suffix,
    referenced: false,
    open: false,
    constName: undefined,
    expr(): Expr {
      if (built === undefined) throw new Error(`contrail import: step '${baseName}' used before it was built`);
      return built;
    },
    set(expr: Expr): void {
      built = expr;
    },
  };
}
