/**
 * Steps to builder expressions: `repo.get({ trigger: true })`, `loadVar(...)`,
 * `inParallel(...)`... A step another step refers to (through an artifact or a local var)
 * becomes a const. Fields without a typed option go to `extra`; a step no builder can
 * express becomes `rawStep({...})`, rendered as written.
 */
import { isGoDuration } from "../go/duration.ts";
import type { JsonValue } from "../model/common.ts";
import type { ImportContext } from "./context.ts";
import { withExtra } from "./emit-resources.ts";
import { emitTask } from "./emit-task.ts";
import { arr, call, type Expr, id, member, obj, str } from "./expr.ts";
import { isObject, type JsonObject } from "./load.ts";
import { type ImportScope, type StepNode, stepNode } from "./scope.ts";
import { StepBuild } from "./step-build.ts";
import { MAX_VALUE_PARAMS } from "./step-factories.ts";
import { HOOKS } from "./walk.ts";

const CORE_KEYS = ["run", "task", "put", "get", "set_pipeline", "load_var", "try", "do", "in_parallel"] as const;

const isStrings = (v: JsonValue | undefined): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Walks one job's steps in order, tracking what is visible, and collects its step nodes. */
export class StepEmitter {
  readonly ctx: ImportContext;
  /** Every step node, in the order finished (a node's references finish before it). */
  readonly nodes: StepNode[] = [];

  constructor(ctx: ImportContext) {
    this.ctx = ctx;
  }

  /** A list of steps in sequence. */
  sequence(steps: readonly JsonValue[], scope: ImportScope): Expr[] {
    return steps.map((s) => this.step(s, scope));
  }

  /**
   * One step. A step that is a YAML anchor's copy is recorded as a use of the anchor's
   * factory (see {@link StepFactories}), built here as at any other place.
   */
  step(s: JsonValue, scope: ImportScope): Expr {
    const whole = isObject(s) ? this.ctx.anchors?.step(s) : undefined;
    const anchor = whole ?? (isObject(s) ? this.ctx.anchors?.variant(s, MAX_VALUE_PARAMS) : undefined);
    if (!anchor) return this.#step(s, scope);
    const start = this.nodes.length;
    const built = this.#step(s, scope);
    // A step no builder expresses is plain data: the anchor's const already shares it.
    if (built.k !== "ref") return built;
    const top = built.node as StepNode;
    const inline = top.expr();
    const use = this.ctx.factories.use(anchor, this.ctx.currentJob, inline, new Set(this.nodes.slice(start)), top, whole === undefined);
    top.set(use);
    return built;
  }

  #step(s: JsonValue, scope: ImportScope): Expr {
    if (!isObject(s)) return this.raw(s);
    const core = CORE_KEYS.find((k) => k in s);
    switch (core) {
      case "get":
        return this.#simple(s, scope, String(s["get"]), "Get", (b) => this.#get(b));
      case "put":
        return this.#simple(s, scope, String(s["put"]), "Put", (b) => this.#put(b));
      case "task":
        return this.#simple(s, scope, String(s["task"]), "Task", emitTask);
      case "load_var":
        return this.#simple(s, scope, String(s["load_var"]), "Var", (b) => this.#loadVar(b));
      case "set_pipeline":
        return this.#simple(s, scope, `set-${String(s["set_pipeline"])}`, "Step", (b) => this.#setPipeline(b));
      case "in_parallel":
      case "do":
      case "try":
        return this.#simple(s, scope, core, "Step", (b) => this.#composite(core, b));
      default:
        return this.raw(s);
    }
  }

  /** `rawStep({...})`: the step as written. */
  raw(s: JsonValue): Expr {
    return call(this.ctx.use("rawStep"), this.ctx.value(s));
  }

  /**
   * The frame shared by every step: `across` (read outside), the core (inside), hooks
   * (outside, unable to refer to the step itself), modifiers, then `extra`.
   */
  #simple(s: JsonObject, scope: ImportScope, baseName: string, suffix: string, core: (b: StepBuild) => Expr | undefined): Expr {
    const node = stepNode(baseName, suffix);
    const across = this.#across(s, scope);
    const inner = across ? scope.child() : scope;
    // Inside the step, `((.:name))` is the across var's handle, so it becomes a const.
    for (const [name, varNode] of across?.vars ?? []) inner.addLocal(name, varNode);
    const b = new StepBuild(this.ctx, s, inner, node);
    const { props, consumed } = b;
    const built = core(b);
    if (built === undefined) return this.raw(s);
    if (across) {
      props.push(["across", across.expr]);
      consumed.add("across");
    }
    const isParallel = "in_parallel" in s;
    if (isDurationValue(s["timeout"])) b.take("timeout", "timeout", str(s["timeout"] as string));
    const attempts = s["attempts"];
    if (typeof attempts === "number" && Number.isInteger(attempts) && attempts >= 1)
      b.take("attempts", "attempts", { k: "num", v: attempts });
    if (!isParallel && typeof s["fail_fast"] === "boolean") b.take("fail_fast", "failFast", { k: "bool", v: s["fail_fast"] });
    node.open = true;
    for (const [key, option] of HOOKS) {
      const hook = s[key];
      if (isObject(hook)) b.take(key, option, this.step(hook, scope));
    }
    node.open = false;
    node.set(finishCall(built, withExtra(this.ctx, props, s, consumed)));
    this.nodes.push(node);
    return { k: "ref", node };
  }

  #across(s: JsonObject, scope: ImportScope): { expr: Expr; vars: [string, StepNode][] } | undefined {
    const across = s["across"];
    if (!Array.isArray(across) || across.length === 0) return undefined;
    const vars: Expr[] = [];
    const nodes: [string, StepNode][] = [];
    for (const v of across) {
      if (!isObject(v) || typeof v["var"] !== "string" || Object.keys(v).some((k) => !["var", "values", "max_in_flight"].includes(k)))
        return undefined;
      const values = v["values"];
      let valuesExpr: Expr | undefined;
      if (Array.isArray(values)) valuesExpr = this.ctx.value(values, { scope });
      else if (typeof values === "string" && /^\(\(\.:[^()]+\)\)$/.test(values)) {
        const local = this.ctx.varExpr(values.slice(2, -2), scope);
        if (local?.k === "ref") valuesExpr = local;
      }
      if (!valuesExpr) return undefined;
      const max = v["max_in_flight"];
      const args: Expr[] = [str(v["var"]), valuesExpr];
      if (max !== undefined) {
        if (!(max === "all" || (typeof max === "number" && Number.isInteger(max) && max >= 1))) return undefined;
        args.push(obj([["maxInFlight", typeof max === "number" ? { k: "num", v: max } : str(max)]]));
      }
      const varNode = stepNode(v["var"], "Var");
      varNode.set(call(this.ctx.use("acrossVar"), ...args));
      nodes.push([v["var"], varNode]);
      vars.push({ k: "ref", node: varNode });
    }
    // Declared before the step that iterates over them (the emitter names nodes in this order).
    for (const [, varNode] of nodes) this.nodes.push(varNode);
    return { expr: arr(vars), vars: nodes };
  }

  #get(b: StepBuild): Expr | undefined {
    const { step: s, consumed, scope: inner, node } = b;
    const name = s["get"];
    const resourceName = s["resource"] ?? name;
    if (typeof name !== "string" || typeof resourceName !== "string") return undefined;
    const info = this.ctx.resources.get(resourceName);
    if (!info) return undefined;
    consumed.add("get");
    if (resourceName !== name) b.take("resource", "as", str(name));
    const passed = s["passed"];
    if (isStrings(passed) && passed.length > 0 && passed.every((j) => this.ctx.jobs.has(j)))
      b.take("passed", "passed", arr(passed.map((j) => id(this.ctx.jobs.get(j) ?? j))));
    if (typeof s["trigger"] === "boolean") b.take("trigger", "trigger", { k: "bool", v: s["trigger"] });
    const version = s["version"];
    if (version === "latest" || version === "every" || (isObject(version) && Object.values(version).every((v) => typeof v === "string")))
      b.take("version", "version", this.ctx.value(version));
    if (isObject(s["params"])) b.take("params", "params", this.ctx.value(s["params"], { scope: inner }));
    if (isStrings(s["tags"])) b.take("tags", "tags", this.ctx.value(s["tags"]));
    this.ctx.useResource(resourceName);
    inner.addArtifact(name, { node, handle: { k: "ref", node }, files: info.files });
    return call(member(id(info.constName), "get"));
  }

  #put(b: StepBuild): Expr | undefined {
    const { step: s, consumed, scope: inner, node } = b;
    const name = s["put"];
    const resourceName = s["resource"] ?? name;
    if (typeof name !== "string" || typeof resourceName !== "string") return undefined;
    const info = this.ctx.resources.get(resourceName);
    if (!info?.canPut) return undefined;
    consumed.add("put");
    if (resourceName !== name) b.take("resource", "as", str(name));
    if (isObject(s["params"])) b.take("params", "params", this.ctx.value(s["params"], { scope: inner, artifacts: true }));
    const inputs = s["inputs"];
    if (inputs === "all" || inputs === "detect") b.take("inputs", "inputs", str(inputs));
    else if (isStrings(inputs)) {
      const handles = inputs.map((i) => {
        const p = inner.artifact(i);
        return p && !p.node.open ? this.ctx.handle(p) : undefined;
      });
      if (handles.every((h) => h !== undefined)) b.take("inputs", "inputs", arr(handles));
    }
    if (isObject(s["get_params"])) b.take("get_params", "getParams", this.ctx.value(s["get_params"], { scope: inner }));
    if (typeof s["no_get"] === "boolean") b.take("no_get", "noGet", { k: "bool", v: s["no_get"] });
    if (isStrings(s["tags"])) b.take("tags", "tags", this.ctx.value(s["tags"]));
    this.ctx.useResource(resourceName);
    if (s["no_get"] !== true) inner.addArtifact(name, { node, handle: { k: "ref", node }, files: info.files });
    return call(member(id(info.constName), "put"));
  }

  #loadVar(b: StepBuild): Expr | undefined {
    const { step: s, consumed, scope: inner, node } = b;
    const name = s["load_var"];
    const file = s["file"];
    if (typeof name !== "string" || typeof file !== "string") return undefined;
    consumed.add("load_var").add("file");
    const fileExpr = this.ctx.string(file, { scope: inner, artifacts: true });
    const format = s["format"];
    if (typeof format === "string" && ["raw", "trim", "yml", "yaml", "json"].includes(format)) b.take("format", "format", str(format));
    if (typeof s["reveal"] === "boolean") b.take("reveal", "reveal", { k: "bool", v: s["reveal"] });
    inner.addLocal(name, node);
    return call(this.ctx.use("loadVar"), str(name), fileExpr);
  }

  #setPipeline(b: StepBuild): Expr | undefined {
    const { step: s, consumed, scope: inner } = b;
    const name = s["set_pipeline"];
    const file = s["file"];
    if (typeof name !== "string" || typeof file !== "string") return undefined;
    consumed.add("set_pipeline").add("file");
    const fileExpr = this.ctx.string(file, { scope: inner, artifacts: true });
    if (isObject(s["vars"])) b.take("vars", "vars", this.ctx.value(s["vars"], { scope: inner }));
    const varFiles = s["var_files"];
    if (isStrings(varFiles))
      b.take("var_files", "varFiles", arr(varFiles.map((f) => this.ctx.string(f, { scope: inner, artifacts: true }))));
    if (typeof s["team"] === "string") b.take("team", "team", this.ctx.value(s["team"]));
    if (isObject(s["instance_vars"])) b.take("instance_vars", "instanceVars", this.ctx.value(s["instance_vars"], { scope: inner }));
    return call(this.ctx.use("setPipeline"), str(name), fileExpr);
  }

  #composite(kind: "in_parallel" | "do" | "try", b: StepBuild): Expr | undefined {
    const { step: s, consumed, scope: inner } = b;
    const value = s[kind];
    if (kind === "try") {
      if (!isObject(value)) return undefined;
      consumed.add("try");
      const child = inner.child();
      const step = this.step(value, child);
      child.mergeInto(inner);
      return call(this.ctx.use("tryStep"), step);
    }
    let steps: JsonValue[];
    if (Array.isArray(value)) steps = value;
    else if (kind === "in_parallel" && isObject(value) && Array.isArray(value["steps"])) {
      if (Object.keys(value).some((k) => !["steps", "limit", "fail_fast"].includes(k))) return undefined;
      steps = value["steps"];
      const limit = value["limit"];
      if (limit !== undefined) {
        if (typeof limit !== "number") return undefined;
        b.props.push(["limit", { k: "num", v: limit }]);
      }
      const failFast = value["fail_fast"];
      if (failFast !== undefined) {
        if (typeof failFast !== "boolean") return undefined;
        b.props.push(["failFast", { k: "bool", v: failFast }]);
      }
    } else return undefined;
    consumed.add(kind);
    if (isStrings(s["tags"])) b.take("tags", "tags", this.ctx.value(s["tags"]));
    let exprs: Expr[];
    if (kind === "in_parallel") {
      const branches = steps.map(() => inner.child());
      exprs = steps.map((step, i) => this.step(step, branches[i] as ImportScope));
      for (const b of branches) b.mergeInto(inner);
    } else {
      const child = inner.child();
      exprs = this.sequence(steps, child);
      child.mergeInto(inner);
    }
    return { k: "call", callee: this.ctx.use(kind === "do" ? "doSteps" : "inParallel"), args: exprs, isNew: false };
  }
}

function isDurationValue(v: JsonValue | undefined): boolean {
  return typeof v === "string" && isGoDuration(v);
}

/**
 * Adds the options object to a core call: `repo.get(opts)`, `loadVar(name, file, opts)`;
 * for `inParallel`/`doSteps`/`tryStep`, steps become a list when there are options.
 */
function finishCall(core: Expr, options: Expr): Expr {
  if (core.k !== "call") return core;
  const hasOptions = options.k === "obj" && options.props.length > 0;
  const callee = core.callee.k === "id" ? core.callee.name : "";
  if (!hasOptions) return core;
  if (callee === "inParallel" || callee === "doSteps") return { ...core, args: [arr(core.args), options] };
  return { ...core, args: [...core.args, options] };
}
