/**
 * Which kind of object sits at each position of a pipeline, with the key order of
 * `key-order.ts`: the one description of the tree that both `canonicalPipeline` (which
 * copies a config into that order) and the YAML emitter (which reads it while it writes,
 * never copying the config) walk.
 */
import { CORE_STEP_KEYS, type CoreStepKey, HOOK_KEYS } from "../model/step.ts";
import {
  ACROSS_VAR_KEYS,
  BUILD_LOG_RETENTION_KEYS,
  CONTAINER_LIMITS_KEYS,
  DISPLAY_KEYS,
  GROUP_KEYS,
  IMAGE_RESOURCE_KEYS,
  IN_PARALLEL_CONFIG_KEYS,
  JOB_KEYS,
  MODIFIER_KEYS,
  PIPELINE_KEYS,
  RESOURCE_KEYS,
  RESOURCE_TYPE_KEYS,
  STEP_FIELD_KEYS,
  TASK_CACHE_KEYS,
  TASK_CONFIG_KEYS,
  TASK_INPUT_KEYS,
  TASK_OUTPUT_KEYS,
  TASK_RUN_KEYS,
  VAR_SOURCE_KEYS,
} from "./key-order.ts";
import { PlanCache } from "./mapping-plan.ts";

/** How a position resolves a map found there: as itself, by step kind, as `in_parallel`'s object form, or free-form. */
type Kind = "map" | "step" | "in_parallel" | "free";

/**
 * What sits at one position of a pipeline: a known map (its listed keys first, in order,
 * then the rest in insertion order), a list of one shape, free-form data (insertion order
 * all the way down), a step (shaped by its core key), or `in_parallel` (a list of steps, or
 * an object holding one). A value of another type than its shape expects is free-form, as
 * in `canonicalPipeline`. One class for all, so that the emitter's calls stay monomorphic.
 */
export class Shape {
  /** The listed keys, without repeats. */
  readonly order: readonly string[];
  /** The same keys, to skip them on the insertion-order pass. */
  readonly listed: ReadonlySet<string>;
  /** Each listed key's position in {@link order}. */
  readonly rank: ReadonlyMap<string, number>;
  private readonly fields: ReadonlyMap<string, Shape>;
  private readonly kind: Kind;
  private itemShape: Shape | undefined;
  /** The YAML emitter's plans for maps of this shape (see `mapping-plan.ts`). */
  readonly plans: PlanCache = new PlanCache();

  constructor(kind: Kind, order: readonly string[], fields: Readonly<Record<string, Shape>>, item?: Shape) {
    this.kind = kind;
    this.order = [...new Set(order)];
    this.listed = new Set(this.order);
    this.rank = new Map(this.order.map((key, index) => [key, index]));
    this.fields = new Map(Object.entries(fields));
    this.itemShape = item;
  }

  /** The shape of field `key` of a map of this shape. */
  field(key: string): Shape {
    return this.fields.get(key) ?? FREE;
  }

  /** The shape of the items of a list found at this position. */
  get items(): Shape {
    return this.itemShape ?? FREE;
  }

  /** The shape of a map found at this position. */
  mapShape(value: Readonly<Record<string, unknown>>): Shape {
    switch (this.kind) {
      case "map":
        return this;
      case "step":
        return stepShape(value);
      case "in_parallel":
        return IN_PARALLEL_MAP;
      default:
        return FREE;
    }
  }
}

/** Free-form data; as a map, no listed keys. */
export const FREE: Shape = new Shape("free", [], {});
/** A step, resolved by {@link stepShape}. */
const STEP: Shape = new Shape("step", [], {});

function map(order: readonly string[], fields: Readonly<Record<string, Shape>>): Shape {
  return new Shape("map", order, fields);
}

function list(item: Shape): Shape {
  return new Shape("free", [], {}, item);
}

const stepList = list(STEP);
const containerLimits = map(CONTAINER_LIMITS_KEYS, {});
const hookFields: Readonly<Record<string, Shape>> = Object.fromEntries(HOOK_KEYS.map((hook) => [hook, STEP]));
const stepFields: Readonly<Record<string, Shape>> = {
  config: map(TASK_CONFIG_KEYS, {
    image_resource: map(IMAGE_RESOURCE_KEYS, {}),
    container_limits: containerLimits,
    inputs: list(map(TASK_INPUT_KEYS, {})),
    outputs: list(map(TASK_OUTPUT_KEYS, {})),
    caches: list(map(TASK_CACHE_KEYS, {})),
    run: map(TASK_RUN_KEYS, {}),
  }),
  container_limits: containerLimits,
  across: list(map(ACROSS_VAR_KEYS, {})),
  in_parallel: new Shape("in_parallel", [], {}, STEP),
  do: stepList,
  try: STEP,
  ...hookFields,
};

/** The object form of `in_parallel`. */
const IN_PARALLEL_MAP: Shape = map(IN_PARALLEL_CONFIG_KEYS, { steps: stepList });

const stepShapes = new Map<CoreStepKey | undefined, Shape>([
  [undefined, map([...MODIFIER_KEYS, ...HOOK_KEYS], stepFields)],
  ...CORE_STEP_KEYS.map((core): [CoreStepKey, Shape] => [
    core,
    map([core, ...STEP_FIELD_KEYS[core], ...MODIFIER_KEYS, ...HOOK_KEYS], stepFields),
  ]),
]);

/** A step's shape: its core key, its own fields, modifiers, then hooks. */
function stepShape(step: Readonly<Record<string, unknown>>): Shape {
  for (const key of CORE_STEP_KEYS) {
    if (step[key] !== undefined && Object.hasOwn(step, key)) return stepShapes.get(key) ?? FREE;
  }
  return stepShapes.get(undefined) ?? FREE;
}

const resourceType = map(RESOURCE_TYPE_KEYS, {});

/** The whole pipeline. */
export const PIPELINE: Shape = map(PIPELINE_KEYS, {
  groups: list(map(GROUP_KEYS, {})),
  display: map(DISPLAY_KEYS, {}),
  var_sources: list(map(VAR_SOURCE_KEYS, {})),
  resource_types: list(resourceType),
  prototypes: list(resourceType),
  resources: list(map(RESOURCE_KEYS, {})),
  jobs: list(
    map(JOB_KEYS, {
      build_log_retention: map(BUILD_LOG_RETENTION_KEYS, {}),
      plan: stepList,
      ...hookFields,
    }),
  ),
});
