/**
 * Resource types: how Concourse runs a kind of resource. Core types (`git`,
 * `registry-image`, `time`...) need none; others are declared once and referenced as
 * objects, and contrail adds them to `resource_types:` when a resource uses them.
 *
 * @see https://concourse-ci.org/resource-types.html
 */
import type { PathSegment } from "../diagnostics/diagnostic.ts";
import { recordSite } from "../diagnostics/source-site.ts";
import type { ResourceType as ResourceTypeConfig } from "../model/resource.ts";
import { Brand, hasBrand } from "./brand.ts";
import { extraKeys } from "./escape-hatch.ts";
import { checkOptionKinds, copyList } from "./option-types.ts";
import { resolveStatic } from "./resolve-static.ts";
import type { SynthContext } from "./synth-context.ts";

/** Options of a resource type. */
export interface ResourceTypeProps {
  /** The type of the type's image: usually `registry-image`, or another resource type. */
  readonly type: string | ResourceType;
  /** Where to fetch the image, e.g. `{ repository: "tlwr/registry-tag-resource", tag: "1593696431" }`. */
  readonly source?: Readonly<Record<string, unknown>>;
  /** Run the type's containers privileged. @default false */
  readonly privileged?: boolean;
  /** Get params used to fetch the type's image. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** How often to check for a new image, e.g. `"24h"`, or `"never"`. */
  readonly checkEvery?: string;
  /** Worker tags. */
  readonly tags?: readonly string[];
  /** `source` defaults merged into every resource of this type. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Escape hatch: keys rendered as they are, after everything else. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * A resource type, rendered into `resource_types:` once, however many resources use it.
 *
 * @example
 * const registryTag = new ResourceType("registry-tag", {
 *   type: "registry-image",
 *   source: { repository: "tlwr/registry-tag-resource", tag: "1593696431" },
 * });
 */
export class ResourceType {
  declare readonly [Brand.resourceType]: true;
  /** The type's name, used as `type:` by its resources. */
  readonly name: string;
  /** The options given. */
  readonly props: ResourceTypeProps;

  constructor(name: string, props: ResourceTypeProps) {
    this.name = name;
    this.props = props;
    Object.defineProperty(this, Brand.resourceType, { value: true });
    recordSite(this, new.target);
  }

  /** True when `value` is a contrail resource type (from any copy of contrail). */
  static isResourceType(value: unknown): value is ResourceType {
    return hasBrand(value, Brand.resourceType);
  }

  /** Renders the `resource_types:` entry. @internal */
  synth(ctx: SynthContext, path: readonly PathSegment[]): ResourceTypeConfig {
    const p = this.props;
    const type = typeof p.type === "string" ? p.type : p.type.name;
    if (typeof p.type !== "string") ctx.registerResourceType(p.type, path);
    const out: Record<string, unknown> = { name: this.name, type };
    if (p.source !== undefined) out["source"] = resolveStatic(ctx, [...path, "source"], p.source);
    if (p.privileged !== undefined) out["privileged"] = p.privileged;
    if (p.params !== undefined) out["params"] = resolveStatic(ctx, [...path, "params"], p.params);
    if (p.checkEvery !== undefined) out["check_every"] = p.checkEvery;
    if (p.tags !== undefined) out["tags"] = copyList(p.tags);
    if (p.defaults !== undefined) out["defaults"] = resolveStatic(ctx, [...path, "defaults"], p.defaults);
    checkOptionKinds(ctx, path, out, { privileged: "boolean", check_every: "string", tags: "strings" });
    if (p.extra !== undefined) {
      const extra = resolveStatic(ctx, [...path, "extra"], p.extra);
      Object.assign(out, extra);
      ctx.escapeHatches.push({ schema: "resource-type", path, value: out, keys: extraKeys(extra) });
    }
    return out as ResourceTypeConfig;
  }
}
