/**
 * Every builder records the line of the user's code that made it (diagnostics/source-site.ts),
 * whichever public entry made it: a constructor, a subclass's, a resource's get/put, a helper
 * function (which makes its objects on the user's behalf), a typed resource, a class made by
 * defineResourceType, or the user's own helper around any of them.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { siteOf } from "../../../packages/sdk/src/diagnostics/source-site.ts";
import {
  acrossVar,
  defineResourceType,
  doSteps,
  GitResource,
  inParallel,
  Job,
  loadVar,
  OciBuildTask,
  Pipeline,
  RegistryImage,
  Resource,
  ResourceType,
  rawStep,
  setPipeline,
  Task,
  tryStep,
  z,
} from "../../../packages/sdk/src/index.ts";

const here = fileURLToPath(import.meta.url);
const lines = readFileSync(here, "utf8").split("\n");
/** The 1-based line carrying `// site: NAME`. */
const lineOf = (name: string) => lines.findIndex((l) => l.endsWith(`// site: ${name}`)) + 1;

class MyTask extends Task {
  constructor() {
    super("mine", { image: { repository: "alpine" }, run: { path: "true" } });
  }
}
function userHelper(resource: Resource) {
  return resource.get({ trigger: true }); // site: user-helper
}

describe("the site of a builder", () => {
  it("is the user's line for every way of making one", () => {
    const src = new GitResource("src", { source: { uri: "https://example.com/x.git" } }); // site: git
    const plain = new Resource("plain", { type: "s3", source: { bucket: "b" } }); // site: resource
    const image = new RegistryImage("image", { source: { repository: "x/y" } }); // site: registry-image
    const Custom = defineResourceType({ name: "custom", image: { repository: "x/custom" }, source: z.object({}) }); // site: define
    const custom = new Custom("c", { source: {} }); // site: custom
    const type = new ResourceType("t", { type: "registry-image", source: { repository: "x/t" } }); // site: resource-type
    const get = src.get(); // site: get
    const put = plain.put({ params: { file: "x" } }); // site: put
    const task = new Task("t", { image: { repository: "alpine" }, run: { path: "true" } }); // site: task
    const mine = new MyTask(); // site: subclass
    const oci = new OciBuildTask("build", { context: get }); // site: oci
    const variable = loadVar("v", "out/v.txt"); // site: load-var
    const across = acrossVar("a", ["x", "y"]); // site: across
    const setP = setPipeline("p", "out/p.yml"); // site: set-pipeline
    const raw = rawStep({ task: "raw", file: "x/task.yml" }); // site: raw
    const parallel = inParallel(get, task); // site: in-parallel
    const sequence = doSteps(get, task); // site: do
    const tried = tryStep(task); // site: try
    const helped = userHelper(plain);
    const job = new Job("j", { plan: [get] }); // site: job
    const pipeline = new Pipeline({ jobs: [job] }); // site: pipeline
    const made: Array<[string, object]> = [
      ["git", src],
      ["resource", plain],
      ["registry-image", image],
      ["define", Custom.resourceType],
      ["custom", custom],
      ["resource-type", type],
      ["get", get],
      ["put", put],
      ["task", task],
      ["subclass", mine],
      ["oci", oci],
      ["load-var", variable],
      ["across", across],
      ["set-pipeline", setP],
      ["raw", raw],
      ["in-parallel", parallel],
      ["do", sequence],
      ["try", tried],
      ["user-helper", helped],
      ["job", job],
      ["pipeline", pipeline],
    ];
    const sites = made.map(([name, value]) => [name, siteOf(value)?.file, siteOf(value)?.line]);
    expect(sites).toEqual(made.map(([name]) => [name, here, lineOf(name)]));
  });
});
