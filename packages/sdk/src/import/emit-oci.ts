/**
 * oci-build-task steps to `new OciBuildTask(...)`, when the step is exactly the shape the
 * class renders (privileged, `run.path: build`, one `image` output, the context as the
 * first input) and every env param maps onto an option or the `params` escape hatch.
 */
import { OCI_BUILD_TASK_IMAGE } from "../resources/oci-build-task.ts";
import { arr, call, type Expr, member, newExpr, obj, str } from "./expr.ts";
import { isObject } from "./load.ts";
import type { Props, StepBuild } from "./step-build.ts";

const SINGLE: Readonly<Record<string, string>> = {
  DOCKERFILE: "dockerfile",
  TARGET: "target",
  TARGET_FILE: "targetFile",
  BUILD_ARGS_FILE: "buildArgsFile",
  LABELS_FILE: "labelsFile",
  BUILDKIT_SSH: "ssh",
  BUILDKIT_EXTRA_CONFIG: "buildkitExtraConfig",
};
/** Prefixed params, and whether their option accepts a local var. */
const PREFIXED: readonly (readonly [string, string, boolean])[] = [
  ["BUILD_ARG_", "buildArgs", true],
  ["IMAGE_ARG_", "imageArgs", false],
  ["LABEL_", "labels", true],
  ["BUILDKIT_SECRETTEXT_", "secretTexts", true],
  ["BUILDKIT_SECRET_", "secrets", false],
];
const LISTS: Readonly<Record<string, string>> = {
  BUILDKIT_ADD_HOSTS: "addHosts",
  REGISTRY_MIRRORS: "registryMirrors",
  IMAGE_PLATFORM: "platforms",
};
const FLAGS: Readonly<Record<string, string>> = { OUTPUT_OCI: "outputOci", UNPACK_ROOTFS: "unpackRootfs", DEBUG: "debug" };
const STEP_KEYS = [
  "task",
  "config",
  "privileged",
  "params",
  "tags",
  "across",
  "fail_fast",
  "attempts",
  "timeout",
  "on_success",
  "on_failure",
  "on_error",
  "on_abort",
  "ensure",
];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The `OciBuildTask` expression, or undefined when the step is not exactly its shape. */
export function emitOciBuildTask(b: StepBuild): Expr | undefined {
  const { ctx, step: s, props, consumed, scope: inner, node } = b;
  const c = s["config"];
  const params = s["params"];
  if (!isObject(c) || s["privileged"] !== true || !isObject(params) || Object.keys(s).some((k) => !STEP_KEYS.includes(k))) return undefined;
  if (Object.keys(c).some((k) => !["platform", "image_resource", "inputs", "outputs", "caches", "run"].includes(k))) return undefined;
  if (c["platform"] !== "linux" || !same(c["run"], { path: "build" }) || !same(c["outputs"], [{ name: "image" }])) return undefined;
  if (c["caches"] !== undefined && !same(c["caches"], [{ path: "cache" }])) return undefined;
  const image = c["image_resource"];
  const src = isObject(image) ? image["source"] : undefined;
  if (!isObject(image) || !isObject(src) || image["type"] !== "registry-image" || Object.keys(image).length !== 2) return undefined;
  const repository = src["repository"];
  const tag = src["tag"];
  if (typeof repository !== "string" || !repository.endsWith("oci-build-task") || (tag !== undefined && typeof tag !== "string"))
    return undefined;
  if (Object.keys(src).some((k) => k !== "repository" && k !== "tag")) return undefined;
  if (Object.values(params).some((v) => typeof v !== "string")) return undefined;
  const inputs = c["inputs"];
  if (!Array.isArray(inputs) || inputs.length === 0) return undefined;
  const [first, ...rest] = inputs;
  if (!isObject(first) || typeof first["name"] !== "string") return undefined;
  const contextProducer = inner.artifact(first["name"]);
  if (!contextProducer || contextProducer.node.open) return undefined;
  const p = { ...params } as Record<string, string>;
  let context: Expr;
  if (same(first, { name: first["name"], path: "." }) && p["CONTEXT"] === undefined) context = ctx.handle(contextProducer);
  else if (same(first, { name: first["name"] }) && typeof p["CONTEXT"] === "string") {
    const path = ctx.artifactPath(p["CONTEXT"], inner);
    if (!path || p["CONTEXT"] === first["name"] || !p["CONTEXT"].startsWith(`${first["name"]}/`)) return undefined;
    context = path.k === "call" || path.k === "member" ? path : call(member(ctx.handle(contextProducer), "file"), str("."));
    delete p["CONTEXT"];
  } else return undefined;
  const others: Expr[] = [];
  for (const input of rest) {
    if (!isObject(input) || typeof input["name"] !== "string" || Object.keys(input).length !== 1) return undefined;
    const producer = inner.artifact(input["name"]);
    if (!producer || producer.node.open || input["name"] === first["name"]) return undefined;
    others.push(ctx.handle(producer));
  }
  const options: Props = [["context", context]];
  if (others.length > 0) options.push(["inputs", arr(others)]);
  const plain = (v: string) => ctx.string(v);
  const local = (v: string) => ctx.string(v, { scope: inner });
  const grouped = new Map<string, [string, Expr][]>();
  const escaped: [string, Expr][] = [];
  for (const [key, value] of Object.entries(p)) {
    const single = SINGLE[key];
    const prefixed = PREFIXED.find(([prefix]) => key.startsWith(prefix) && key.length > prefix.length);
    if (single) options.push([single, plain(value)]);
    else if (prefixed) {
      const list = grouped.get(prefixed[1]) ?? [];
      grouped.set(prefixed[1], list);
      list.push([key.slice(prefixed[0].length), prefixed[2] ? local(value) : plain(value)]);
    } else if (LISTS[key] && value !== "" && !value.includes("((")) options.push([LISTS[key], arr(value.split(",").map(str))]);
    else if (FLAGS[key] && (value === "true" || value === "false")) options.push([FLAGS[key], { k: "bool", v: value === "true" }]);
    else escaped.push([key, local(value)]);
  }
  for (const [, option] of PREFIXED) {
    const list = grouped.get(option);
    if (list) options.push([option, obj(list)]);
  }
  if (escaped.length > 0) options.push(["params", obj(escaped)]);
  if (c["caches"] !== undefined) options.push(["cache", { k: "bool", v: true }]);
  if (!(repository === OCI_BUILD_TASK_IMAGE.repository && tag === OCI_BUILD_TASK_IMAGE.tag)) {
    options.push(["image", obj([["repository", str(repository)], ...(tag !== undefined ? [["tag", str(tag)] as [string, Expr]] : [])])]);
  }
  props.push(...options);
  for (const key of ["task", "config", "privileged", "params"]) consumed.add(key);
  if (Array.isArray(s["tags"]) && s["tags"].every((t) => typeof t === "string")) b.take("tags", "tags", ctx.value(s["tags"]));
  inner.addArtifact("image", { node, handle: member({ k: "ref", node }, "image") });
  return newExpr("OciBuildTask", str(String(s["task"])));
}
