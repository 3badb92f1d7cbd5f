/**
 * Resources: the versioned things a pipeline gets and puts. Declare one per thing and use
 * the object: `repo.get({ trigger: true })`, `image.put({ params })`. contrail collects
 * every resource a job uses into `resources:`.
 *
 * @see https://concourse-ci.org/resources.html
 */
import type { PathSegment } from "../diagnostics/diagnostic.ts";
import { onUsersBehalf, recordSite } from "../diagnostics/source-site.ts";
import { isGoDuration } from "../go/duration.ts";
import type { Resource as ResourceConfig } from "../model/resource.ts";
import { Brand, hasBrand } from "./brand.ts";
import { extraKeys } from "./escape-hatch.ts";
import { type FileMap, type GetOptions, GetStep } from "./get-step.ts";
import { checkOptionKinds, copyList } from "./option-types.ts";
import { type PutOptions, PutStep } from "./put-step.ts";
import { resolveStatic } from "./resolve-static.ts";
import { ResourceType } from "./resource-type.ts";
import type { SynthContext } from "./synth-context.ts";
import type { Input } from "./values.ts";

/** Options every resource accepts. */
export interface ResourceOptions<Source> {
  /** The resource's configuration, as its type documents it. */
  readonly source?: Input<Source>;
  /** A Material Design icon name for the web UI, e.g. `"git"`. @see https://pictogrammers.com/library/mdi/ */
  readonly icon?: string;
  /** How often to check for new versions, e.g. `"10m"`, or `"never"`. @default "1m" */
  readonly checkEvery?: string;
  /** How long a check may take. @default "1h" */
  readonly checkTimeout?: string;
  /** Pins the resource to this version. */
  readonly version?: Readonly<Record<string, string>>;
  /** Token for the check webhook. */
  readonly webhookToken?: string;
  /** Worker tags for checks. */
  readonly tags?: readonly string[];
  /** Show the resource's metadata to everyone. @default false */
  readonly public?: boolean;
  /** Expose the user who created a build to the resource. @default false */
  readonly exposeBuildCreatedBy?: boolean;
  /** The resource's previous name, to keep its history when renaming. */
  readonly oldName?: string;
  /** Escape hatch: keys rendered as they are, after everything else. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** One problem in a resource's config, relative to the value checked (see `resources/_define.ts`). */
export interface ResourceConfigIssue {
  readonly path: readonly PathSegment[];
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly hint?: string;
}

/**
 * Checks a resource's rendered config: `source`, get `params`, put `params`, `version`.
 * Typed resources pass one (their schemas and rules) to the constructor.
 */
export interface ResourceConfigValidator {
  validate(
    kind: "source" | "get" | "put" | "version",
    value: unknown,
    context?: { readonly source?: unknown },
  ): readonly ResourceConfigIssue[];
}

/** Options of a resource of any type. */
export interface ResourceProps<Source = Record<string, unknown>> extends ResourceOptions<Source> {
  /** A core type name (`git`, `time`...) or a declared {@link ResourceType}. */
  readonly type: string | ResourceType;
}

const RESOURCE_KINDS = {
  icon: "string",
  webhook_token: "string",
  tags: "strings",
  public: "boolean",
  expose_build_created_by: "boolean",
  old_name: "string",
} as const;

/**
 * A resource you can only get from (its type has no `out`, like registry-tag). Typed
 * resources extend this, or {@link Resource} when they can be put to.
 */
export class GettableResource<
  Source = Record<string, unknown>,
  GetParams = Record<string, unknown>,
  Files extends FileMap = Record<never, string>,
> {
  declare readonly [Brand.resource]: true;
  static {
    // On the prototype, not each instance: one render builds tens of thousands of these.
    Object.defineProperty(GettableResource.prototype, Brand.resource, { value: true });
  }
  /** The resource's name. */
  readonly name: string;
  /** The options given. */
  readonly props: ResourceProps<Source>;
  /** Files the type writes on get, as handles. @internal */
  protected readonly fileMap: Files | undefined;
  /** Checks rendered config, for typed resources. @internal */
  readonly validator: ResourceConfigValidator | undefined;

  constructor(name: string, props: ResourceProps<Source>, files?: Files, validator?: ResourceConfigValidator) {
    this.name = name;
    this.props = props;
    this.fileMap = files;
    this.validator = validator;
    recordSite(this, new.target);
  }

  /** True when `value` is a contrail resource (from any copy of contrail). */
  static isResource(value: unknown): value is GettableResource {
    return hasBrand(value, Brand.resource);
  }

  /** A get step of this resource. @see https://concourse-ci.org/get-step.html */
  get(options?: GetOptions<GetParams>): GetStep<GetParams, Files> {
    return onUsersBehalf(this.get, () => new GetStep<GetParams, Files>(this, options, this.fileMap));
  }

  /** The type's name. */
  get typeName(): string {
    return typeof this.props.type === "string" ? this.props.type : this.props.type.name;
  }

  /** Adds the resource's type to the pipeline when it is a declared type. @internal */
  registerType(ctx: SynthContext, path: readonly PathSegment[]): void {
    if (ResourceType.isResourceType(this.props.type)) ctx.registerResourceType(this.props.type, path);
  }

  /**
   * Checks a rendered `source`, `params` or `version` with the type's validator, reporting
   * each problem under `path`. Nothing happens for untyped resources. @internal
   */
  validateConfig(ctx: SynthContext, kind: "source" | "get" | "put" | "version", value: unknown, path: readonly PathSegment[]): void {
    if (this.validator === undefined) return;
    const context = kind === "put" ? { source: this.props.source } : {};
    for (const issue of this.validator.validate(kind, value, context)) {
      ctx.report(issue.severity, issue.code, [...path, ...issue.path], issue.message, issue.hint);
    }
  }

  /** Renders the `resources:` entry. @internal */
  synth(ctx: SynthContext, path: readonly PathSegment[]): ResourceConfig {
    const p = this.props;
    const out: Record<string, unknown> = { name: this.name, type: this.typeName };
    if (p.icon !== undefined) out["icon"] = p.icon;
    if (p.source !== undefined) out["source"] = resolveStatic(ctx, [...path, "source"], p.source);
    this.validateConfig(ctx, "source", out["source"] ?? {}, [...path, "source"]);
    if (p.version !== undefined) {
      out["version"] = { ...p.version };
      this.validateConfig(ctx, "version", out["version"], [...path, "version"]);
    }
    if (p.checkEvery !== undefined) out["check_every"] = checkedDuration(ctx, path, "check_every", p.checkEvery);
    if (p.checkTimeout !== undefined) out["check_timeout"] = checkedDuration(ctx, path, "check_timeout", p.checkTimeout);
    if (p.webhookToken !== undefined) out["webhook_token"] = p.webhookToken;
    if (p.tags !== undefined) out["tags"] = copyList(p.tags);
    if (p.public !== undefined) out["public"] = p.public;
    if (p.exposeBuildCreatedBy !== undefined) out["expose_build_created_by"] = p.exposeBuildCreatedBy;
    if (p.oldName !== undefined) out["old_name"] = p.oldName;
    checkOptionKinds(ctx, path, out, RESOURCE_KINDS);
    if (p.extra !== undefined) {
      const extra = resolveStatic(ctx, [...path, "extra"], p.extra);
      Object.assign(out, extra);
      ctx.escapeHatches.push({ schema: "resource", path, value: out, keys: extraKeys(extra) });
    }
    return out as ResourceConfig;
  }
}

/**
 * A resource of any type, which can be got from and put to. Prefer a typed resource
 * (`GitResource`, `RegistryImage`...) when there is one: its source and params are checked.
 *
 * @example
 * const notes = new Resource("notes", { type: "s3", source: { bucket: "b", regexp: "notes-(.*).txt" } });
 */
export class Resource<
  Source = Record<string, unknown>,
  GetParams = Record<string, unknown>,
  PutParams = Record<string, unknown>,
  Files extends FileMap = Record<never, string>,
> extends GettableResource<Source, GetParams, Files> {
  /** A put step to this resource. @see https://concourse-ci.org/put-step.html */
  put(options?: PutOptions<PutParams, GetParams>): PutStep<PutParams, GetParams, Files> {
    return onUsersBehalf(this.put, () => new PutStep<PutParams, GetParams, Files>(this, options, this.fileMap));
  }
}

/** `value`, reported when it is not a Go duration (nor, for `check_every`, `never`). */
function checkedDuration(ctx: SynthContext, path: readonly PathSegment[], key: "check_every" | "check_timeout", value: string): string {
  if (!(key === "check_every" && value === "never") && !isGoDuration(value)) {
    ctx.report(
      "error",
      "invalid-duration",
      [...path, key],
      `invalid duration '${value}'`,
      'Use a Go duration such as "10m" or "1h" (or "never" for check_every).',
    );
  }
  return value;
}
