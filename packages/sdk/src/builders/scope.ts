/**
 * What is available at a point of a job's plan: the steps that have run (and so the
 * artifacts they produced) and the local vars defined. Render walks the plan in order and
 * uses a scope to check that every artifact and local var is used only after, and inside
 * the reach of, the step that makes it.
 */
export class Scope {
  readonly #available = new Set<object>();
  readonly #parent: Scope | undefined;

  constructor(parent?: Scope) {
    this.#parent = parent;
  }

  /** True when `item` (a producer step or local var) was made available here or outside. */
  has(item: object): boolean {
    return this.#available.has(item) || (this.#parent?.has(item) ?? false);
  }

  /** True when a local var named `name` (a load_var step, an across var) is available here or outside. */
  hasLocalVarNamed(name: string): boolean {
    for (const item of this.#available) if ((item as { varName?: unknown }).varName === name) return true;
    return this.#parent?.hasLocalVarNamed(name) ?? false;
  }

  /** Records that `item` is available from now on. */
  add(item: object): void {
    this.#available.add(item);
  }

  /** A nested scope: sees everything here; what it adds stays in it until merged. */
  child(): Scope {
    return new Scope(this);
  }

  /** Makes everything added to this scope (not its parents) available in `target`. */
  mergeInto(target: Scope): void {
    for (const item of this.#available) target.add(item);
  }
}
