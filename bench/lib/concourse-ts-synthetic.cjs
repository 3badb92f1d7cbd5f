// The synthetic pipeline of bench/lib/synthetic.ts written with concourse-ts 0.5.0
// (@decentm/concourse-ts), the same shape job for job: a chain of N jobs, each with two
// triggered gets (one with passed:), an inline task with inputs, outputs and params, a put
// and two hooks. Plain JavaScript so that its process pays for no transpiler: the
// comparison is its best case. Compiles (its validation plus YAML) and writes every file's
// content to stdout. Run: node bench/lib/concourse-ts-synthetic.cjs [JOBS]
const { Job, Pipeline, ResourceType, Task, TaskStep, Command, compile } = require("@decentm/concourse-ts");

const size = Number(process.argv[2] ?? "2000");

function alpine(tag) {
  return { type: "registry-image", source: { repository: "alpine", ...(tag ? { tag } : {}) } };
}

function taskStep(name, configure) {
  const task = new Task(name, (t) => {
    t.set_image_resource(alpine());
    configure(t);
  });
  return task.as_task_step();
}

const gitType = new ResourceType("git", (t) => {
  t.type = "registry-image";
  t.source = { repository: "concourse/git-resource" };
});
const s3Type = new ResourceType("s3", (t) => {
  t.type = "registry-image";
  t.source = { repository: "concourse/s3-resource" };
});
const source = gitType.create_resource("source");
source.source = { uri: "https://example.com/source.git", branch: "main" };

const pipeline = new Pipeline("synthetic");
let previous;
for (let i = 0; i < size; i++) {
  const artifact = s3Type.create_resource(`artifact-${i}`);
  artifact.source = { bucket: "builds", regexp: `job-${i}/build-(.*).tgz` };
  const job = new Job(`job-${i}`, (j) => {
    j.serial = true;
    const src = source.as_get_step({});
    src.trigger = true;
    if (previous) src.add_passed(previous);
    const upstream = artifact.as_get_step({});
    upstream.trigger = true;
    const task = new Task(`build-${i}`, (t) => {
      t.set_image_resource(alpine("3.20"));
      t.add_input({ name: "source" }, { name: "upstream" });
      t.add_output({ name: "out" });
      t.set_params(
        { key: "JOB", value: `job-${i}` },
        { key: "LEVEL", value: String(i) },
        { key: "VERBOSE", value: "true" },
        { key: "TOKEN", value: "((token))" },
      );
      t.run = new Command(`build-${i}`, (c) => {
        c.path = "sh";
        c.add_arg("-exc");
        c.add_arg(`tar czf out/build-${i}.tgz source\necho done ${i}`);
      });
    });
    const step = task.as_task_step((s) => {
      s.attempts = 2;
      s.timeout = "30m";
    });
    const put = artifact.as_put_step({ file: `out/build-${i}.tgz` });
    j.add_step(src, upstream, step, put);
    j.add_on_failure(
      taskStep("notify", (t) => {
        t.run = new Command("notify", (c) => {
          c.path = "echo";
          c.add_arg("failed");
        });
      }),
    );
    j.add_ensure(
      taskStep("cleanup", (t) => {
        t.run = new Command("cleanup", (c) => {
          c.path = "true";
        });
      }),
    );
  });
  pipeline.add_job(job);
  previous = job;
}

const result = compile(pipeline, ".");
let bytes = result.pipeline.content.length;
process.stdout.write(result.pipeline.content);
for (const task of result.tasks) {
  bytes += task.content.length;
  process.stdout.write(task.content);
}
process.stderr.write(`${result.tasks.length} task files, ${bytes} bytes\n`);
void TaskStep;
