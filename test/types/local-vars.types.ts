/**
 * Type tests for local var fields and var sources: what must not compile. `pnpm typecheck`
 * checks this file; every `@ts-expect-error` fails the check if the line below it compiles.
 */
import { acrossVar, GitResource, Job, loadVar, Pipeline, Task } from "contrail";

const src = new GitResource("repo", { source: { uri: "https://example.com/r.git" } }).get();
interface BuildInfo {
  readonly version: string;
  readonly git: { readonly sha: string };
}
const build = loadVar<BuildInfo>("build", src.file("build.json"), { format: "json" });
const branch = acrossVar("branch", [{ name: "main", groups: { feature: "core" } }]);

// Fields that exist compile, at any depth.
new Task("ok", {
  across: [branch],
  params: { V: build.fields.version, SHA: build.fields.git.sha, B: branch.fields.name, G: branch.fields.groups.feature },
  run: { path: "true" },
});

// @ts-expect-error a misspelt field of a load_var's value.
build.fields.verison;

// @ts-expect-error a misspelt nested field.
build.fields.git.shaa;

// @ts-expect-error a misspelt field of an across value.
branch.fields.nmae;

// @ts-expect-error a string has no fields.
build.fields.version.length;

// @ts-expect-error a typed load_var must read a structured format.
loadVar<BuildInfo>("b", src.file("build.txt"), { format: "trim" });

// @ts-expect-error ...and must say so.
loadVar<BuildInfo>("b", src.file("build.json"));

// @ts-expect-error an untyped load_var has no known fields.
loadVar("v", src.file("v")).fields.anything;

// @ts-expect-error across values of strings have no fields.
acrossVar("ruby", ["3.2", "3.3"]).fields.major;

// Var sources are typed per credential manager.
new Pipeline({
  jobs: [new Job("j", { plan: [src] })],
  varSources: [
    { name: "vault", type: "vault", config: { url: "https://vault.example.com", client_token: "((vault_token))" } },
    { name: "dummy", type: "dummy", config: { vars: { greeting: "hello" } } },
    { name: "aws", type: "ssm", config: { region: "eu-west-1" } },
    { name: "sm", type: "secretsmanager", config: { region: "eu-west-1", shared_secret_template: "/concourse/{{.Secret}}" } },
    { name: "oidc", type: "idtoken", config: { audience: ["sts.amazonaws.com"], subject_scope: "job" } },
  ],
});

new Pipeline({
  jobs: [],
  // @ts-expect-error a misspelt vault key (Concourse decodes with ErrorUnused).
  varSources: [{ name: "vault", type: "vault", config: { url: "https://v", client_tokn: "x" } }],
});

new Pipeline({
  jobs: [],
  // @ts-expect-error idtoken's subject_scope is one of team, pipeline, instance, job.
  varSources: [{ name: "oidc", type: "idtoken", config: { subject_scope: "step" } }],
});

new Pipeline({
  jobs: [],
  // @ts-expect-error credhub is not supported as a var source.
  varSources: [{ name: "c", type: "credhub", config: { url: "https://c" } }],
});
