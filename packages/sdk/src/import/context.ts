/**
 * State shared while generating one file: names handed out, contrail imports used, pipeline
 * vars met, the consts of resources, resource types and jobs, and the conversion of YAML
 * values to expressions (`((vars))`, local vars and artifact paths become handles).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { JsonValue } from "../model/common.ts";
import type { TaskFileSource } from "../task-file/index.ts";
import { type AnchorTable, hasHandle } from "./anchors.ts";
import { arr, call, type Expr, id, member, obj, SPREAD, str } from "./expr.ts";
import { isObject } from "./load.ts";
import { NameAllocator } from "./names.ts";
import type { ImportScope, Producer } from "./scope.ts";
import { StepFactories } from "./step-factories.ts";

/** A declared resource. */
export interface ResourceInfo {
  readonly constName: string;
  /** Named files of its typed class, if any. */
  readonly files?: Readonly<Record<string, string>> | undefined;
  /** False for a resource of a type without `put` (e.g. `RegistryTag`). */
  readonly canPut: boolean;
  /** Validates get and put params against the typed class; undefined for `Resource`. */
}

/** Words in a var name that make it a credential. */
const CREDENTIAL_WORD = /(password|passwd|passphrase|secret|token|key|cert|credential|user|login|auth|private|access)/i;

/** Every Concourse var reference: `((path))`, `((source:path))` or `((.:local))`. */
export const VAR = /\(\((([-/.\w\p{L}]+:)?[-/.:@"\w\p{L}]+)\)\)/gu;

/** Options of value conversion. */
export interface ValueOptions {
  /** Where handles are visible; without it, no artifact or local var becomes a handle. */
  readonly scope?: ImportScope | undefined;
  /** Turn `artifact/path` strings into artifact handles (put params, file fields). */
  readonly artifacts?: boolean;
  /**
   * The fields are typed `string` (a task's `run`): a local var alone is written as a
   * template literal (`` `${version}` ``), which renders the same `((.:version))`.
   */
  readonly text?: boolean;
}

/** The state of one import. */
export class ImportContext {
  readonly names = new NameAllocator();
  readonly imports = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];
  /** Plain `((vars))` met, in order. */
  readonly plainVars = new Set<string>();
  readonly resources = new Map<string, ResourceInfo>();
  readonly resourceTypes = new Map<string, string>();
  readonly jobs = new Map<string, string>();
  /** Resources some emitted get or put step uses (contrail collects those). */
  readonly usedResources = new Set<string>();
  /** The job being emitted, for {@link ImportContext.useResource}. */
  currentJob = "";
  /** The resources each job's emitted steps use, in the order render meets them. */
  readonly jobResources = new Map<string, string[]>();
  /** Resources whose declared type is referenced as an object (so contrail collects it). */
  readonly typeRefs = new Set<string>();
  readonly file: string | undefined;
  /** The name of the `defineVars` const (see {@link ImportContext.nameVars}). */
  varsConst = "pipelineVars";
  /** Anchored steps, which become factory functions. */
  readonly factories = new StepFactories((name) => this.#isTopLevel(name));
  /** contrail's exports and the generator's own names. */
  readonly #helperNames: ReadonlySet<string>;
  /** YAML anchors shared as consts, once the document is known. */
  anchors: AnchorTable | undefined;
  /** Task files by the artifacts' folders: resolved file tasks become typed `FileTask`s. */
  readonly taskFiles: TaskFileSource | undefined;
  /** The artifacts' folders as the generated Pipeline's `artifacts` writes them. */
  readonly artifactFolders: Readonly<Record<string, string>> | undefined;

  constructor(
    file: string | undefined,
    helperNames: readonly string[],
    taskFiles?: TaskFileSource,
    artifactFolders?: Readonly<Record<string, string>>,
  ) {
    this.file = file;
    this.taskFiles = taskFiles;
    this.artifactFolders = artifactFolders;
    this.names.reserve(...helperNames);
    this.#helperNames = new Set(helperNames);
  }

  /** True for a name the module declares at its top (or imports): a factory's parameter must not shadow it. */
  #isTopLevel(name: string): boolean {
    if (this.#helperNames.has(name) || name === this.varsConst || this.anchors?.hasName(name)) return true;
    for (const r of this.resources.values()) if (r.constName === name) return true;
    for (const n of [...this.resourceTypes.values(), ...this.jobs.values()]) if (n === name) return true;
    return false;
  }

  /**
   * Names the `defineVars` const before anything uses it: `secrets` when every var looks like
   * a credential (as the blog example writes it), else `pipelineVars`; never `vars`, which
   * would shadow contrail's own export.
   */
  nameVars(varNames: readonly string[]): void {
    const secret = varNames.length > 0 && varNames.every((n) => CREDENTIAL_WORD.test(n));
    this.varsConst = this.names.allocate(secret ? "secrets" : "pipeline-vars", "Vars");
  }

  /** Records that an emitted get or put step uses a resource (render collects it there). */
  useResource(name: string): void {
    this.usedResources.add(name);
    const list = this.jobResources.get(this.currentJob) ?? [];
    list.push(name);
    this.jobResources.set(this.currentJob, list);
  }

  /** An identifier imported from contrail. */
  use(name: string): Expr {
    this.imports.add(name);
    return id(name);
  }

  /** Reports a note or problem of the import. */
  report(severity: Diagnostic["severity"], code: string, path: string, message: string, hint?: string): void {
    this.diagnostics.push({ code, severity, message, path, file: this.file, ...(hint ? { hint } : {}) });
  }

  /**
   * A YAML value as an expression: objects keep their keys verbatim. A copy of a shared
   * anchor becomes its const, a mapping it was merged into spreads it.
   */
  value(v: JsonValue, options: ValueOptions = {}): Expr {
    const whole = this.anchors?.whole(v);
    if (whole) {
      const e = this.#literal(v, options);
      return hasHandle(e) ? e : (this.anchors?.use(whole, e) ?? e);
    }
    const merged = isObject(v) ? this.anchors?.merged(v) : undefined;
    if (merged && isObject(v) && isObject(merged.value)) {
      const base = this.#literal(merged.value, options);
      if (!hasHandle(base)) {
        const inherited = merged.value;
        const rest = Object.entries(v).filter(([key]) => !(key in inherited));
        return obj([
          [SPREAD, this.anchors?.use(merged, base) ?? base],
          ...rest.map(([key, item]) => [key, this.value(item, options)] as const),
        ]);
      }
    }
    return this.#literal(v, options);
  }

  /**
   * `expr`, the typed form of the YAML value `v` (a task's `image_resource` as `image:`), or
   * the const of the shared anchor `v` is a copy of, holding that form.
   */
  shared(v: JsonValue, expr: Expr): Expr {
    const whole = this.anchors?.whole(v);
    return whole && !hasHandle(expr) ? (this.anchors?.use(whole, expr) ?? expr) : expr;
  }

  #literal(v: JsonValue, options: ValueOptions): Expr {
    if (typeof v === "string") return this.string(v, options);
    if (typeof v === "number") return { k: "num", v };
    if (typeof v === "boolean") return { k: "bool", v };
    if (v === null) return { k: "null" };
    if (Array.isArray(v)) return arr(v.map((item) => this.value(item, options)));
    return obj(Object.entries(v).map(([key, item]) => [key, this.value(item, options)] as const));
  }

  /** A string, with vars, local vars and (optionally) artifact paths turned into handles. */
  string(s: string, options: ValueOptions = {}): Expr {
    if (options.artifacts && options.scope) {
      const handle = this.artifactPath(s, options.scope);
      if (handle) return handle;
    }
    const parts: (string | Expr)[] = [];
    let last = 0;
    for (const match of s.matchAll(VAR)) {
      const path = match[1] ?? "";
      const expr = this.varExpr(path, options.scope);
      if (!expr) continue;
      if (match.index > last) parts.push(s.slice(last, match.index));
      parts.push(expr);
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return str(s);
    if (last < s.length) parts.push(s.slice(last));
    if (parts.length === 1 && typeof parts[0] !== "string" && !(options.text && (parts[0] as Expr).k === "ref")) return parts[0] as Expr;
    return { k: "tpl", parts };
  }

  /** `vars.name`, `pipelineVar("source:path")`, or a visible load_var step. */
  varExpr(path: string, scope: ImportScope | undefined): Expr | undefined {
    if (path.startsWith(".:")) {
      const node = scope?.local(path.slice(2));
      if (!node || node.open) return undefined;
      node.referenced = true;
      return { k: "ref", node };
    }
    if (/^[-/.\w\p{L}]+:/u.test(path)) return call(this.use("pipelineVar"), str(path));
    this.plainVars.add(path);
    return member(id(this.varsConst), path);
  }

  /** `get.file("x")`, `task.outputs.out` ... for a string naming a visible artifact, exactly. */
  artifactPath(s: string, scope: ImportScope): Expr | undefined {
    const slash = s.indexOf("/");
    const name = slash < 0 ? s : s.slice(0, slash);
    const producer = scope.artifact(name);
    if (!producer || producer.node.open) return undefined;
    if (slash < 0) return this.handle(producer);
    const rest = s.slice(slash + 1);
    const stripped = rest.replace(/^\.\/+/, "").replace(/^\/+/, "");
    const rendered = stripped === "" || stripped === "." ? name : `${name}/${stripped}`;
    if (rendered !== s || stripped !== rest) return undefined;
    const fileKey = Object.entries(producer.files ?? {}).find(([, path]) => path === rest)?.[0];
    if (fileKey !== undefined) return member(member(this.handle(producer), "files"), fileKey);
    return call(member(this.handle(producer), "file"), str(rest));
  }

  /** The producer's handle, marking its step as referenced. */
  handle(producer: Producer): Expr {
    producer.node.referenced = true;
    return producer.handle;
  }
}
