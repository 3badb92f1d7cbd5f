// Imported from concourse__examples/pipelines/set-pipelines.yml by `sdk import`.
import { GitResource, Job, Pipeline, setPipeline, Task } from "contrail";

const concourseExamples = new GitResource("concourse-examples", {
  icon: "github",
  checkEvery: "30m",
  source: { uri: "https://github.com/concourse/examples" },
});

const concourseExamplesGet = concourseExamples.get({ trigger: true });

const setSelf = new Job("set-self", {
  plan: [concourseExamplesGet, setPipeline("self", concourseExamplesGet.file("pipelines/set-pipelines.yml"))],
  public: true,
  buildLogRetention: { builds: 50 },
});

const concourseExamplesGet2 = concourseExamples.get({ passed: [setSelf], trigger: true });

const setExamplePipelines = new Job("set-example-pipelines", {
  plan: [
    concourseExamplesGet2,
    setPipeline("job", concourseExamplesGet2.file("pipelines/hello-world.yml")),
    setPipeline("separate-task-config", concourseExamplesGet2.file("pipelines/separate-task-config.yml")),
    setPipeline("serial-job", concourseExamplesGet2.file("pipelines/serial-job.yml")),
    setPipeline("pipeline-vars", concourseExamplesGet2.file("pipelines/pipeline-vars.yml"), {
      vars: { first: "initial", number: "9000", hello: "HAL" },
    }),
    setPipeline("pipeline-vars-file", concourseExamplesGet2.file("pipelines/pipeline-vars.yml"), {
      varFiles: [concourseExamplesGet2.file("pipelines/vars-file.yml")],
    }),
    setPipeline("instance-groups", concourseExamplesGet2.file("pipelines/pipeline-vars.yml"), {
      instanceVars: { first: "initial", number: "9000", hello: "HAL" },
    }),
    setPipeline("instance-groups", concourseExamplesGet2.file("pipelines/pipeline-vars.yml"), {
      instanceVars: { first: "second", number: "3000", hello: "WALLY-E" },
    }),
    setPipeline("multi-branch", concourseExamplesGet2.file("pipelines/multi-branch/parent.yml"), {
      vars: { instance_pipeline_name: "multi-branch" },
      instanceVars: { branch: "main" },
    }),
    setPipeline("task-passing-artifact", concourseExamplesGet2.file("pipelines/task-passing-artifact.yml")),
    setPipeline("time-triggered", concourseExamplesGet2.file("pipelines/time-triggered.yml")),
    setPipeline("git-triggered", concourseExamplesGet2.file("pipelines/git-triggered.yml")),
    setPipeline("manual-trigger", concourseExamplesGet2.file("pipelines/manually-triggered.yml")),
    setPipeline("hooks", concourseExamplesGet2.file("pipelines/job-and-task-hooks.yml")),
    setPipeline("golang-lib", concourseExamplesGet2.file("pipelines/golang-lib.yml")),
    setPipeline("rails", concourseExamplesGet2.file("pipelines/rails-app-testing.yml")),
    setPipeline("nodejs", concourseExamplesGet2.file("pipelines/nodejs-app-testing.yml")),
    setPipeline("php", concourseExamplesGet2.file("pipelines/php-larvel-app-testing.yml")),
    setPipeline("java", concourseExamplesGet2.file("pipelines/java.yml")),
  ],
  public: true,
  buildLogRetention: { builds: 50 },
});

const concourseExamplesGet3 = concourseExamples.get({ passed: [setSelf], trigger: true });

const renderPipelines = new Task("render-pipelines", {
  image: { type: "mock", source: { mirror_self: true } },
  inputs: [concourseExamplesGet3],
  outputs: ["pipeline"],
  run: {
    path: "sh",
    args: [
      "-cx",
      `apk add --no-progress --quiet ytt
ytt -f ./concourse-examples/pipelines/templates/simple > hello-world-rendered.yml
ytt -f ./concourse-examples/pipelines/templates/multiple-files > multi-files-rendered.yml
mv *.yml ./pipeline/
`,
    ],
  },
});

const setRenderedPipelines = new Job("set-rendered-pipelines", {
  plan: [
    concourseExamplesGet3,
    renderPipelines,
    setPipeline("hello-world-rendered", renderPipelines.outputs.pipeline.file("hello-world-rendered.yml")),
    setPipeline("multi-files-rendered", renderPipelines.outputs.pipeline.file("multi-files-rendered.yml")),
  ],
  public: true,
  buildLogRetention: { builds: 50 },
});

export default new Pipeline({ jobs: [setSelf, setExamplePipelines, setRenderedPipelines] });
