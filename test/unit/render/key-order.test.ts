import { describe, expect, it } from "vitest";
import { BuildLogRetention, JobCore } from "../../../packages/sdk/src/model/job.ts";
import { Display, Group, PipelineConfig, VarSource } from "../../../packages/sdk/src/model/pipeline.ts";
import { Resource, ResourceType } from "../../../packages/sdk/src/model/resource.ts";
import {
  AcrossVar,
  type CoreStepKey,
  DoStepCore,
  GetStepCore,
  InParallelStepCore,
  LoadVarStepCore,
  PutStepCore,
  RunStepCore,
  SetPipelineStepCore,
  TaskStepCore,
  TryStepCore,
} from "../../../packages/sdk/src/model/step.ts";
import { ImageResource, TaskConfig, TaskRun } from "../../../packages/sdk/src/model/task-config.ts";
import * as order from "../../../packages/sdk/src/render/key-order.ts";
import { toYaml } from "../../../packages/sdk/src/render/to-yaml.ts";
import { parseDocument } from "./yaml-package.ts";

const sorted = (keys: Iterable<string>): string[] => [...keys].sort();

/** The keys of the map at `path` in rendered YAML, in the order written. */
function keysAt(yaml: string, path: readonly (string | number)[]): string[] {
  const node: unknown = parseDocument(yaml).getIn(path, true);
  const items = (node as { items?: { key: { value: unknown } }[] }).items;
  if (items === undefined) throw new Error(`no map at ${path.join(".")}`);
  return items.map((pair) => String(pair.key.value));
}

/** Builds a config the model would reject (unknown keys), to check where they go. */
function unchecked(value: unknown): PipelineConfig {
  return value as PipelineConfig;
}

describe("key order tables", () => {
  it.each<[string, readonly string[], readonly string[]]>([
    ["pipeline", order.PIPELINE_KEYS, Object.keys(PipelineConfig.shape)],
    ["resource", order.RESOURCE_KEYS, Object.keys(Resource.shape)],
    ["resource type", order.RESOURCE_TYPE_KEYS, Object.keys(ResourceType.shape)],
    ["job", order.JOB_KEYS, [...Object.keys(JobCore.shape), "on_success", "on_failure", "on_error", "on_abort", "ensure"]],
    ["group", order.GROUP_KEYS, Object.keys(Group.shape)],
    ["var source", order.VAR_SOURCE_KEYS, Object.keys(VarSource.shape)],
    ["display", order.DISPLAY_KEYS, Object.keys(Display.shape)],
    ["build log retention", order.BUILD_LOG_RETENTION_KEYS, Object.keys(BuildLogRetention.shape)],
    ["task config", order.TASK_CONFIG_KEYS, Object.keys(TaskConfig.shape)],
    ["image resource", order.IMAGE_RESOURCE_KEYS, Object.keys(ImageResource.shape)],
    ["task run", order.TASK_RUN_KEYS, Object.keys(TaskRun.shape)],
    ["across var", order.ACROSS_VAR_KEYS, Object.keys(AcrossVar.shape)],
  ])("the %s table lists exactly the model's keys", (_kind, table, model) => {
    expect(sorted(table)).toEqual(sorted(model));
  });

  it.each<[CoreStepKey, readonly string[]]>([
    ["get", Object.keys(GetStepCore.shape)],
    ["put", Object.keys(PutStepCore.shape)],
    ["task", Object.keys(TaskStepCore.shape)],
    ["set_pipeline", Object.keys(SetPipelineStepCore.shape)],
    ["load_var", Object.keys(LoadVarStepCore.shape)],
    ["in_parallel", Object.keys(InParallelStepCore.shape)],
    ["do", Object.keys(DoStepCore.shape)],
    ["try", Object.keys(TryStepCore.shape)],
    ["run", Object.keys(RunStepCore.shape)],
  ])("the %s step's fields follow the model's declaration order", (core, model) => {
    const own = model.filter((key) => key !== core && !(order.MODIFIER_KEYS as readonly string[]).includes(key));
    expect(order.STEP_FIELD_KEYS[core]).toEqual(own);
  });
});

describe("canonical key order in the output", () => {
  const config = unchecked({
    user_data: { z: 1, a: 2 },
    jobs: [
      {
        ensure: { put: "notify", params: { b: 1, a: 2 } },
        plan: [
          {
            on_failure: { try: { do: [{ trigger: true, passed: ["x"], get: "a" }] } },
            timeout: "1h",
            attempts: 2,
            across: [{ values: ["1", "2"], max_in_flight: 2, var: "v" }],
            trigger: true,
            get: "src",
            on_success: { in_parallel: { fail_fast: true, limit: 2, steps: [{ file: "f", load_var: "v" }] } },
          },
          {
            custom: { user: "root", args: ["a"], path: "sh" },
            params: { ZED: "1", ALPHA: "2" },
            config: { run: { path: "sh" }, inputs: [{ path: "p", name: "i" }], platform: "linux" },
            task: "t",
          },
        ],
        serial: true,
        name: "job",
      },
    ],
    resources: [
      {
        extra_unknown: 1,
        old_name: "old",
        source: { type: "s3", name: "from-readme", get: "not a step", branch: "main" },
        type: "git",
        name: "repo",
      },
    ],
    groups: [{ jobs: ["job"], name: "all" }],
  });
  const yaml = toYaml(config);

  it("orders the top level, resources and jobs by their tables; unknown keys come last", () => {
    expect(keysAt(yaml, [])).toEqual(["groups", "resources", "jobs", "user_data"]);
    expect(keysAt(yaml, ["groups", 0])).toEqual(["name", "jobs"]);
    expect(keysAt(yaml, ["resources", 0])).toEqual(["name", "type", "source", "old_name", "extra_unknown"]);
    expect(keysAt(yaml, ["jobs", 0])).toEqual(["name", "serial", "plan", "ensure"]);
  });

  it("puts a step's core key first, then its fields, modifiers and hooks", () => {
    expect(keysAt(yaml, ["jobs", 0, "plan", 0])).toEqual(["get", "trigger", "across", "attempts", "timeout", "on_success", "on_failure"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 0, "across", 0])).toEqual(["var", "values", "max_in_flight"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 0, "on_failure", "try", "do", 0])).toEqual(["get", "passed", "trigger"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 0, "on_success", "in_parallel"])).toEqual(["steps", "limit", "fail_fast"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 0, "on_success", "in_parallel", "steps", 0])).toEqual(["load_var", "file"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 1])).toEqual(["task", "config", "params", "custom"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 1, "config"])).toEqual(["platform", "inputs", "run"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 1, "config", "inputs", 0])).toEqual(["name", "path"]);
  });

  it("keeps free-form maps in insertion order, whatever keys they hold", () => {
    expect(keysAt(yaml, ["resources", 0, "source"])).toEqual(["type", "name", "get", "branch"]);
    expect(keysAt(yaml, ["jobs", 0, "plan", 1, "params"])).toEqual(["ZED", "ALPHA"]);
    expect(keysAt(yaml, ["jobs", 0, "ensure", "params"])).toEqual(["b", "a"]);
    expect(keysAt(yaml, ["user_data"])).toEqual(["z", "a"]);
    // Shaped like a task's `run`, but under an unknown key: not reordered.
    expect(keysAt(yaml, ["jobs", 0, "plan", 1, "custom"])).toEqual(["user", "args", "path"]);
  });
});
