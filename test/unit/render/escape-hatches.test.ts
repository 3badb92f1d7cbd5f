/**
 * Render checks only what the builders did not shape themselves against the config model:
 * `extra` on each builder, `rawStep`, a task's raw `config`. Each case here is a value the
 * model rejects, so dropping that check makes the case fail.
 */
import { describe, expect, it } from "vitest";
import { Job, Pipeline, Resource, ResourceType, rawStep, renderPipeline, Task } from "../../../packages/sdk/src/index.ts";
import type { TaskConfig } from "../../../packages/sdk/src/model/task-config.ts";

const run = { path: "true" } as const;

function invalid(pipeline: Pipeline) {
  const result = renderPipeline(pipeline);
  return {
    text: result.text,
    found: result.diagnostics
      .filter((d) => d.code === "invalid-config")
      .map((d) => ({ path: d.path, message: d.message, severity: d.severity })),
  };
}

function job(plan: ConstructorParameters<typeof Job>[1]["plan"], extra?: Record<string, unknown>) {
  return new Job("j", { plan, ...(extra ? { extra } : {}) });
}

describe("escape hatches are checked against the model", () => {
  it("passes well-formed extras, raw steps and raw task configs", () => {
    const pipeline = new Pipeline({
      jobs: [
        job(
          [
            new Task("t", { run, extra: { privileged: true } }),
            rawStep({ run: "migrate", type: "db", params: { dry: true } }),
            new Task("raw", { config: { platform: "linux", run: { path: "true" } } }),
          ],
          { build_logs_to_retain: 3 },
        ),
      ],
      extra: { user_data: { any: ["thing"] } },
    });
    expect(invalid(pipeline).found).toEqual([]);
  });

  it("reports a step extra of the wrong type at the step's key", () => {
    const { text, found } = invalid(new Pipeline({ jobs: [job([new Task("t", { run, extra: { privileged: "yes" } })])] }));
    expect(text).toBe("");
    expect(found).toEqual([{ path: "jobs.j.plan[0].privileged", message: expect.stringMatching(/expected boolean/), severity: "error" }]);
  });

  it("reports a step extra the step kind does not have", () => {
    const { found } = invalid(new Pipeline({ jobs: [job([new Task("t", { run, extra: { trigger: true } })])] }));
    expect(found).toEqual([{ path: "jobs.j.plan[0]", message: expect.stringMatching(/Unrecognized key.*trigger/), severity: "error" }]);
  });

  it("reports a job extra of the wrong type, and an unknown one", () => {
    const { found } = invalid(new Pipeline({ jobs: [job([new Task("t", { run })], { max_in_flight: "2", colour: "red" })] }));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: "jobs.j.max_in_flight", message: expect.stringMatching(/expected number/), severity: "error" },
        { path: "jobs.j", message: expect.stringMatching(/Unrecognized key.*colour/), severity: "error" },
      ]),
    );
    expect(found).toHaveLength(2);
  });

  it("reports a resource's and a resource type's extra", () => {
    const type = new ResourceType("custom", { type: "registry-image", source: { repository: "x" }, extra: { privileged: 1 } });
    const resource = new Resource("r", { type, source: {}, extra: { check_every: 10 } });
    const { found } = invalid(new Pipeline({ jobs: [job([resource.get()])] }));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: "resources.r.check_every", message: expect.stringMatching(/expected string/), severity: "error" },
        { path: "resource_types.custom.privileged", message: expect.stringMatching(/expected boolean/), severity: "error" },
      ]),
    );
  });

  it("reports a top-level extra Concourse's schema does not have", () => {
    const { found } = invalid(new Pipeline({ jobs: [job([new Task("t", { run })])], extra: { meta: { a: 1 }, groups: "all" } }));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: "", message: expect.stringMatching(/Unrecognized key.*meta/), severity: "error" },
        { path: "groups", message: expect.stringMatching(/expected array/), severity: "error" },
      ]),
    );
  });

  it("checks a raw step whole, nested steps included", () => {
    const { found } = invalid(new Pipeline({ jobs: [job([rawStep({ do: [{ get: "x", trigger: "always" }] })])] }));
    expect(found).toEqual([
      { path: "jobs.j.plan[0].do[0].trigger", message: expect.stringMatching(/expected boolean/), severity: "error" },
    ]);
  });

  it("checks a task's raw config whole", () => {
    const config = { platform: "linux", run: { path: "true" }, inputs: "src" } as unknown as TaskConfig;
    const { found } = invalid(new Pipeline({ jobs: [job([new Task("t", { config })])] }));
    expect(found).toEqual([{ path: "jobs.j.plan[0].config.inputs", message: expect.stringMatching(/expected array/), severity: "error" }]);
  });
});
