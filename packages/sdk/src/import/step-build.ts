/**
 * What the emitter of a step's core is given: the step, the options being built, the keys
 * already said by them, the scope inside the step and the step's node. The task emitters
 * (`emitTask`, `emitOciBuildTask`, `emitFileTask`) take it rather than the step walker, so
 * that they do not depend on the walker that calls them.
 */
import type { ImportContext } from "./context.ts";
import type { Expr } from "./expr.ts";
import type { JsonObject } from "./load.ts";
import type { ImportScope, StepNode } from "./scope.ts";

/** Option props being built, in order. */
export type Props = [string, Expr][];

/** One step being emitted. */
export class StepBuild {
  readonly ctx: ImportContext;
  /** The step as Concourse reads it. */
  readonly step: JsonObject;
  /** The typed options, in the order they are written. */
  readonly props: Props = [];
  /** The step's keys an option says; the rest goes to `extra`. */
  readonly consumed = new Set<string>();
  /** What is visible inside the step (an `across` step's vars included). */
  readonly scope: ImportScope;
  /** The step's node, which later steps refer to for its artifacts. */
  readonly node: StepNode;

  constructor(ctx: ImportContext, step: JsonObject, scope: ImportScope, node: StepNode) {
    this.ctx = ctx;
    this.step = step;
    this.scope = scope;
    this.node = node;
  }

  /** Records the typed option `option` for the step's key `key`. */
  take(key: string, option: string, expr: Expr): void {
    this.props.push([option, expr]);
    this.consumed.add(key);
  }
}
