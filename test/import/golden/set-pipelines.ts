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

const concourseExamplesForSetExamplePipelines = concourseExamples.get({ passed: [setSelf], trigger: true });

const setExamplePipelines = new Job("set-example-pipelines", {
  plan: [
    concourseExamplesForSetExamplePipelines,
    setPipeline("job", concourseExamplesForSetExamplePipelines.file("pipelines/hello-world.yml")),
    setPipeline("separate-task-config", concourseExamplesForSetExamplePipelines.file("pipelines/separate-task-config.yml")),
    setPipeline("serial-job", concourseExamplesForSetExamplePipelines.file("pipelines/serial-job.yml")),
    setPipeline("pipeline-vars", concourseExamplesForSetExamplePipelines.file("pipelines/pipeline-vars.yml"), {
      vars: { first: "initial", number: "9000", hello: "HAL" },
    }),
    setPipeline("pipeline-vars-file", concourseExamplesForSetExamplePipelines.file("pipelines/pipeline-vars.yml"), {
      varFiles: [concourseExamplesForSetExamplePipelines.file("pipelines/vars-file.yml")],
    }),
    setPipeline("instance-groups", concourseExamplesForSetExamplePipelines.file("pipelines/pipeline-vars.yml"), {
      instanceVars: { first: "initial", number: "9000", hello: "HAL" },
    }),
    setPipeline("instance-groups", concourseExamplesForSetExamplePipelines.file("pipelines/pipeline-vars.yml"), {
      instanceVars: { first: "second", number: "3000", hello: "WALLY-E" },
    }),
    setPipeline("multi-branch", concourseExamplesForSetExamplePipelines.file("pipelines/multi-branch/parent.yml"), {
      vars: { instance_pipeline_name: "multi-branch" },
      instanceVars: { branch: "main" },
    }),
    setPipeline("task-passing-artifact", concourseExamplesForSetExamplePipelines.file("pipelines/task-passing-artifact.yml")),
    setPipeline("time-triggered", concourseExamplesForSetExamplePipelines.file("pipelines/time-triggered.yml")),
    setPipeline("git-triggered", concourseExamplesForSetExamplePipelines.file("pipelines/git-triggered.yml")),
    setPipeline("manual-trigger", concourseExamplesForSetExamplePipelines.file("pipelines/manually-triggered.yml")),
    setPipeline("hooks", concourseExamplesForSetExamplePipelines.file("pipelines/job-and-task-hooks.yml")),
    setPipeline("golang-lib", concourseExamplesForSetExamplePipelines.file("pipelines/golang-lib.yml")),
    setPipeline("rails", concourseExamplesForSetExamplePipelines.file("pipelines/rails-app-testing.yml")),
    setPipeline("nodejs", concourseExamplesForSetExamplePipelines.file("pipelines/nodejs-app-testing.yml")),
    setPipeline("php", concourseExamplesForSetExamplePipelines.file("pipelines/php-larvel-app-testing.yml")),
    setPipeline("java", concourseExamplesForSetExamplePipelines.file("pipelines/java.yml")),
  ],
  public: true,
  buildLogRetention: { builds: 50 },
});

const concourseExamplesForSetRenderedPipelines = concourseExamples.get({ passed: [setSelf], trigger: true });

const renderPipelines = new Task("render-pipelines", {
  image: { type: "mock", source: { mirror_self: true } },
  inputs: [concourseExamplesForSetRenderedPipelines],
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
    concourseExamplesForSetRenderedPipelines,
    renderPipelines,
    setPipeline("hello-world-rendered", renderPipelines.outputs.pipeline.file("hello-world-rendered.yml")),
    setPipeline("multi-files-rendered", renderPipelines.outputs.pipeline.file("multi-files-rendered.yml")),
  ],
  public: true,
  buildLogRetention: { builds: 50 },
});

export default new Pipeline({ jobs: [setSelf, setExamplePipelines, setRenderedPipelines] });
