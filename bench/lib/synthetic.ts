/**
 * Synthetic pipelines for the benchmark: N jobs in a chain, each with two triggered gets
 * (one with passed:), an inline task with inputs, outputs and params, a put and hooks.
 */
import { GitResource, Job, Pipeline, Resource, Task } from "contrail";

/** Builds a pipeline of `size` jobs. */
export function syntheticPipeline(size: number): Pipeline {
  const source = new GitResource("source", { source: { uri: "https://example.com/source.git", branch: "main" } });
  const jobs: Job[] = [];
  for (let i = 0; i < size; i++) {
    const artifact = new Resource(`artifact-${i}`, { type: "s3", source: { bucket: "builds", regexp: `job-${i}/build-(.*).tgz` } });
    const previous = jobs[i - 1];
    const src = source.get({ trigger: true, ...(previous ? { passed: [previous] } : {}) });
    const upstream = artifact.get({ as: "upstream", trigger: true });
    const task = new Task(`build-${i}`, {
      image: { repository: "alpine", tag: "3.20" },
      inputs: [src, upstream],
      outputs: ["out"],
      params: { JOB: `job-${i}`, LEVEL: i, VERBOSE: true, TOKEN: "((token))" },
      run: { path: "sh", args: ["-exc", `tar czf out/build-${i}.tgz source\necho done ${i}`] },
      attempts: 2,
      timeout: "30m",
    });
    const notify = new Task("notify", { image: { repository: "alpine" }, run: { path: "echo", args: ["failed"] } });
    jobs.push(
      new Job(`job-${i}`, {
        serial: true,
        plan: [src, upstream, task, artifact.put({ params: { file: task.outputs.out.file(`build-${i}.tgz`) } })],
        onFailure: notify,
        ensure: new Task("cleanup", { image: { repository: "alpine" }, run: { path: "true" } }),
      }),
    );
  }
  return new Pipeline({ jobs });
}
