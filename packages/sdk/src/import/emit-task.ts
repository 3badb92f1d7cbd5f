/**
 * Task steps: `new Task(name, {...})` with typed inline options (inputs as artifact handles,
 * outputs as `task.outputs.x`) when the config maps onto them exactly, `OciBuildTask` when
 * it is oci-build-task's shape, else the `config:` escape hatch (or `extra` for a config
 * the model's type would not accept).
 */
import type { JsonValue } from "../model/common.ts";
import { hasHandle } from "./anchors.ts";
import type { ImportContext } from "./context.ts";
import { emitFileTask } from "./emit-file-task.ts";
import { emitOciBuildTask } from "./emit-oci.ts";
import { arr, type Expr, member, newExpr, obj, SPREAD, str } from "./expr.ts";
import { isObject, type JsonObject } from "./load.ts";
import type { ImportScope } from "./scope.ts";
import { fits, LIMITS } from "./shapes.ts";
import type { StepBuild } from "./step-build.ts";

const CONFIG_KEYS = ["platform", "image_resource", "rootfs_uri", "container_limits", "params", "run", "inputs", "outputs", "caches"];
const isStrings = (v: JsonValue | undefined): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const onlyKeys = (o: JsonObject, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));
const scalar = (v: JsonValue): boolean => v === null || typeof v !== "object";

/** Emits a task step's core; undefined when it must stay a raw step. */
export function emitTask(b: StepBuild): Expr | undefined {
  const { ctx, step: s, props, consumed, scope: inner, node } = b;
  const name = s["task"];
  if (typeof name !== "string") return undefined;
  consumed.add("task");
  const config = s["config"];
  if (typeof s["file"] !== "string" && isObject(config)) {
    const oci = emitOciBuildTask(b);
    if (oci) return oci;
  }
  if (typeof s["privileged"] === "boolean") b.take("privileged", "privileged", { k: "bool", v: s["privileged"] });
  if (typeof s["hermetic"] === "boolean") b.take("hermetic", "hermetic", { k: "bool", v: s["hermetic"] });
  const file = s["file"];
  let outputs: [string, string][] = [];
  const fileTask = emitFileTask(b);
  if (fileTask) return fileTask;
  if (typeof file === "string") {
    b.take("file", "file", ctx.string(file, { scope: inner, artifacts: true }));
    if (isObject(config) && rawConfigFits(config)) b.take("config", "config", ctx.value(config));
    if (isObject(s["params"])) b.take("params", "params", ctx.value(s["params"], { scope: inner }));
    inputMapping(b);
    if (isObject(s["container_limits"]) && fits(s["container_limits"], LIMITS))
      b.take("container_limits", "containerLimits", ctx.value(s["container_limits"]));
  } else if (isObject(config)) {
    const typed = inlineOptions(ctx, s, config, inner);
    if (typed) {
      props.push(...typed.props);
      for (const key of typed.consumed) consumed.add(key);
      outputs = typed.outputs;
    } else if (rawConfigFits(config)) {
      b.take("config", "config", ctx.value(config));
      if (isObject(s["params"])) b.take("params", "stepParams", ctx.value(s["params"], { scope: inner }));
    }
  }
  const image = s["image"];
  if (typeof image === "string" && !consumed.has("image")) {
    const producer = inner.artifact(image);
    if (producer && !producer.node.open) b.take("image", "image", ctx.handle(producer));
  }
  if (isObject(s["vars"])) b.take("vars", "vars", ctx.value(s["vars"], { scope: inner }));
  if (isStrings(s["tags"])) b.take("tags", "tags", ctx.value(s["tags"]));
  for (const [output, artifact] of outputs)
    inner.addArtifact(artifact, { node, handle: member(member({ k: "ref", node }, "outputs"), output) });
  return newExpr("Task", str(name));
}

/** `inputMapping: { name: handle }` when every mapped artifact is visible. */
function inputMapping(b: StepBuild): void {
  const mapping = b.step["input_mapping"];
  if (!isObject(mapping)) return;
  const entries: [string, Expr][] = [];
  for (const [key, artifact] of Object.entries(mapping)) {
    const producer = typeof artifact === "string" ? b.scope.artifact(artifact) : undefined;
    if (!producer || producer.node.open) return;
    entries.push([key, b.ctx.handle(producer)]);
  }
  b.take("input_mapping", "inputMapping", obj(entries));
}

/** True when the config type-checks as the model's `TaskConfig` once written as TypeScript. */
export function rawConfigFits(c: JsonObject): boolean {
  if (!onlyKeys(c, CONFIG_KEYS) || typeof c["platform"] !== "string") return false;
  if (c["params"] !== undefined && !(isObject(c["params"]) && Object.values(c["params"]).every(scalar))) return false;
  const run = c["run"];
  if (run !== undefined && !(isObject(run) && typeof run["path"] === "string" && (run["args"] === undefined || isStrings(run["args"]))))
    return false;
  const named = (v: JsonValue | undefined, key: string) =>
    v === undefined || (Array.isArray(v) && v.every((i) => isObject(i) && typeof i[key] === "string"));
  if (!named(c["inputs"], "name") || !named(c["outputs"], "name") || !named(c["caches"], "path")) return false;
  const image = c["image_resource"];
  if (image !== undefined && !(isObject(image) && typeof image["type"] === "string" && isObject(image["source"]))) return false;
  if (c["container_limits"] !== undefined && !fits(c["container_limits"], LIMITS)) return false;
  return c["rootfs_uri"] === undefined || typeof c["rootfs_uri"] === "string";
}

interface InlineResult {
  readonly props: [string, Expr][];
  readonly consumed: string[];
  /** Outputs as [config name, artifact name]. */
  readonly outputs: [string, string][];
}

/** Typed options for an inline config, or undefined when it does not map exactly. */
function inlineOptions(ctx: ImportContext, s: JsonObject, c: JsonObject, inner: ImportScope): InlineResult | undefined {
  if (
    !onlyKeys(
      c,
      CONFIG_KEYS.filter((k) => k !== "container_limits"),
    ) ||
    typeof c["platform"] !== "string"
  )
    return undefined;
  if (s["container_limits"] !== undefined || (s["output_mapping"] !== undefined && !isObject(s["output_mapping"]))) return undefined;
  const props: [string, Expr][] = [];
  const consumed = ["config"];
  if (c["platform"] !== "linux") props.push(["platform", str(String(c["platform"]))]);
  const image = c["image_resource"];
  if (image !== undefined) {
    if (s["image"] !== undefined || !isObject(image)) return undefined;
    const src = image["source"];
    if (
      image["type"] === "registry-image" &&
      isObject(src) &&
      onlyKeys(image, ["type", "source"]) &&
      onlyKeys(src, ["repository", "tag"]) &&
      typeof src["repository"] === "string" &&
      (src["tag"] === undefined || typeof src["tag"] === "string")
    ) {
      props.push(["image", ctx.shared(image, ctx.value(src))]);
    } else if (
      typeof image["type"] === "string" &&
      isObject(src) &&
      onlyKeys(image, ["type", "source", "version", "params", "tags", "name"]) &&
      (image["version"] === undefined || fits(image["version"], "stringMap")) &&
      (image["params"] === undefined || isObject(image["params"])) &&
      (image["tags"] === undefined || isStrings(image["tags"])) &&
      (image["name"] === undefined || typeof image["name"] === "string")
    ) {
      props.push(["image", ctx.shared(image, ctx.value(image, { scope: inner }))]);
    } else return undefined;
  }
  if (c["rootfs_uri"] !== undefined) {
    if (typeof c["rootfs_uri"] !== "string") return undefined;
    props.push(["rootfsUri", ctx.value(c["rootfs_uri"])]);
  }
  const mapping = s["input_mapping"];
  if (mapping !== undefined && !isObject(mapping)) return undefined;
  const inputs = c["inputs"];
  if (inputs !== undefined) {
    if (!Array.isArray(inputs)) return undefined;
    const names = new Set<string>();
    const items: Expr[] = [];
    for (const input of inputs) {
      if (!isObject(input) || typeof input["name"] !== "string" || !onlyKeys(input, ["name", "path", "optional"])) return undefined;
      if (input["path"] !== undefined && typeof input["path"] !== "string") return undefined;
      if (input["optional"] !== undefined && typeof input["optional"] !== "boolean") return undefined;
      const inputName = input["name"];
      names.add(inputName);
      const artifact = mapping?.[inputName] ?? inputName;
      if (typeof artifact !== "string" || (mapping?.[inputName] !== undefined && artifact === inputName)) return undefined;
      const producer = inner.artifact(artifact);
      if (!producer || producer.node.open) return undefined;
      const handle = ctx.handle(producer);
      const spec: [string, Expr][] = [["artifact", handle]];
      if (artifact !== inputName) spec.push(["name", str(inputName)]);
      if (input["path"] !== undefined) spec.push(["path", str(input["path"])]);
      if (input["optional"] !== undefined) spec.push(["optional", { k: "bool", v: input["optional"] }]);
      items.push(spec.length === 1 ? handle : obj(spec));
    }
    if (mapping && Object.keys(mapping).some((k) => !names.has(k))) return undefined;
    props.push(["inputs", arr(items)]);
  } else if (mapping !== undefined) return undefined;
  if (mapping !== undefined) consumed.push("input_mapping");
  const outputs: [string, string][] = [];
  const outputMapping = s["output_mapping"];
  if (c["outputs"] !== undefined) {
    const list = c["outputs"];
    if (!Array.isArray(list)) return undefined;
    const items: Expr[] = [];
    for (const o of list) {
      if (!isObject(o) || typeof o["name"] !== "string" || !onlyKeys(o, ["name", "path"])) return undefined;
      if (o["path"] !== undefined && typeof o["path"] !== "string") return undefined;
      const mapped = isObject(outputMapping) ? outputMapping[o["name"]] : undefined;
      if (mapped !== undefined && typeof mapped !== "string") return undefined;
      outputs.push([o["name"], mapped ?? o["name"]]);
      items.push(
        o["path"] !== undefined
          ? obj([
              ["name", str(o["name"])],
              ["path", str(o["path"])],
            ])
          : str(o["name"]),
      );
    }
    props.push(["outputs", arr(items)]);
  }
  if (isObject(outputMapping)) {
    if (Object.keys(outputMapping).some((k) => !outputs.some(([o]) => o === k))) return undefined;
    props.push(["outputMapping", ctx.value(outputMapping)]);
    consumed.push("output_mapping");
  }
  const caches = c["caches"];
  if (caches !== undefined) {
    if (!Array.isArray(caches)) return undefined;
    const items: Expr[] = [];
    for (const cache of caches) {
      if (!isObject(cache) || typeof cache["path"] !== "string" || !onlyKeys(cache, ["path", "ttl"])) return undefined;
      if (cache["ttl"] !== undefined && typeof cache["ttl"] !== "string") return undefined;
      items.push(cache["ttl"] === undefined ? str(cache["path"]) : ctx.value(cache));
    }
    props.push(["caches", arr(items)]);
  }
  const run = c["run"];
  if (run !== undefined) {
    if (!isObject(run) || typeof run["path"] !== "string" || !onlyKeys(run, ["path", "args", "dir", "user"])) return undefined;
    if (run["args"] !== undefined && !isStrings(run["args"])) return undefined;
    if ((run["dir"] !== undefined && typeof run["dir"] !== "string") || (run["user"] !== undefined && typeof run["user"] !== "string"))
      return undefined;
    // Local vars in the command line (`args: ["((.:version))"]`) become their handles.
    props.push(["run", ctx.value(run, { scope: inner, text: true })]);
  }
  if (c["params"] !== undefined) {
    if (!isObject(c["params"])) return undefined;
    props.push(["params", ctx.value(c["params"], { scope: inner })]);
  }
  if (s["params"] !== undefined) {
    if (!isObject(s["params"])) return undefined;
    props.push(["stepParams", ctx.value(s["params"], { scope: inner })]);
    consumed.push("params");
  }
  return { props: shareConfig(ctx, c, props), consumed, outputs };
}

/** The option each `config:` key becomes (the other options come from the step). */
const CONFIG_OPTIONS: Readonly<Record<string, string>> = {
  platform: "platform",
  image_resource: "image",
  rootfs_uri: "rootfsUri",
  inputs: "inputs",
  outputs: "outputs",
  caches: "caches",
  run: "run",
  params: "params",
};

/**
 * A config that is a shared YAML anchor, or has one merged in (`<<: *task-config`): the
 * anchor's options as one const, spread (`{ ...taskConfig, image }`).
 */
function shareConfig(ctx: ImportContext, c: JsonObject, props: [string, Expr][]): [string, Expr][] {
  const anchors = ctx.anchors;
  const shared = anchors?.whole(c) ?? anchors?.merged(c);
  if (!anchors || !shared || !isObject(shared.value)) return props;
  const options = new Set(Object.keys(shared.value).map((key) => CONFIG_OPTIONS[key]));
  const fromAnchor = props.filter(([key]) => options.has(key));
  const config = obj(fromAnchor);
  if (fromAnchor.length === 0 || hasHandle(config)) return props;
  return [[SPREAD, anchors.use(shared, config)], ...props.filter(([key]) => !options.has(key))];
}
