/**
 * A pipeline.ts runs without a type-check, so a typed option can hold the wrong kind at
 * run time. Render does not parse the whole config through the model any more; the
 * builders check the kinds of the options they copy. Each case fails if that is dropped.
 */
import { describe, expect, it } from "vitest";
import { GitResource, Job, Pipeline, Resource, renderPipeline, Task } from "../../../packages/sdk/src/index.ts";

const run = { path: "true" } as const;
// Untyped on purpose: what a pipeline.ts with a type error (or plain JavaScript) passes.
const wrong = <T>(value: unknown): T => value as T;

function kindErrors(pipeline: Pipeline) {
  const result = renderPipeline(pipeline);
  return { text: result.text, found: result.diagnostics.filter((d) => d.code === "invalid-config").map((d) => `${d.path}: ${d.message}`) };
}

describe("builders check the kinds of their options", () => {
  it("accepts options of the right kinds", () => {
    const repo = new GitResource("repo", { source: { uri: "https://example.com/r.git" }, public: true, tags: ["a"] });
    const job = new Job("j", {
      serial: true,
      maxInFlight: 2,
      plan: [repo.get({ trigger: true }), new Task("t", { run, privileged: true })],
    });
    expect(kindErrors(new Pipeline({ jobs: [job] })).found).toEqual([]);
  });

  it("reports a job option of the wrong kind", () => {
    const job = new Job("j", { serial: wrong("yes"), maxInFlight: wrong(1.5), plan: [new Task("t", { run })] });
    const { text, found } = kindErrors(new Pipeline({ jobs: [job] }));
    expect(text).toBe("");
    expect(found).toEqual([
      "jobs.j.serial: serial must be a boolean, not the string 'yes'",
      "jobs.j.max_in_flight: max_in_flight must be a whole number, not the number 1.5",
    ]);
  });

  it("reports step and resource options of the wrong kind", () => {
    const notes = new Resource("notes", { type: "s3", source: { bucket: "b", regexp: "n-(.*)" }, public: wrong("true") });
    const job = new Job("j", {
      plan: [
        notes.get({ trigger: wrong(1) }),
        new Task("t", { run, privileged: wrong("no"), tags: wrong("fast") }),
        notes.put({ noGet: wrong(0) }),
      ],
    });
    expect(kindErrors(new Pipeline({ jobs: [job] })).found).toEqual(
      expect.arrayContaining([
        "jobs.j.plan[0].trigger: trigger must be a boolean, not the number 1",
        "jobs.j.plan[1].privileged: privileged must be a boolean, not the string 'no'",
        "jobs.j.plan[1].tags: tags must be a list of strings, not the string 'fast'",
        "jobs.j.plan[2].no_get: no_get must be a boolean, not the number 0",
        "resources.notes.public: public must be a boolean, not the string 'true'",
      ]),
    );
  });
});
