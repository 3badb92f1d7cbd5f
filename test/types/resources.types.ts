/**
 * Type tests of the resource catalogue: what must not compile. `pnpm typecheck` checks this
 * file; every `@ts-expect-error` fails the check if the line below it compiles. Each
 * expected error sits on a line with that one mistake, so it fails for that reason only.
 */
import {
  BoshIoStemcell,
  DockerImage,
  defineResourceType,
  defineVars,
  GitResource,
  loadVar,
  MockResource,
  PoolResource,
  RegistryImage,
  RegistryTag,
  S3Resource,
  SemverResource,
  TimeResource,
  vars,
  z,
} from "contrail";

// A misspelt source key.
// @ts-expect-error `bucket_name` is not an s3 source field.
new S3Resource("a", { source: { bucket_name: "b", regexp: "x-(.*)" } });

// A wrong field type.
// @ts-expect-error `pages` is a number.
new RegistryTag("t", { source: { uri: "u", pages: "3" } });

// @ts-expect-error registry-image `tag` is a string, never a number.
new RegistryImage("i", { source: { repository: "r", tag: 3.1 } });

// @ts-expect-error time `start` is a string (a YAML 19:00 is a number).
new TimeResource("t", { source: { start: 1900, stop: "20:00" } });

// A required field is missing.
// @ts-expect-error s3 needs `bucket`.
new S3Resource("a", { source: { regexp: "x-(.*)" } });

// Per-driver fields: the git driver needs `uri`, `branch` and `file`.
// @ts-expect-error `file` is missing for the git driver.
new SemverResource("v", { source: { driver: "git", uri: "u", branch: "b" } });

// A put to a get-only type.
const tags = new RegistryTag("tags", { source: { uri: "u" } });
// @ts-expect-error registry-tag has no `out`.
tags.put();
const stemcell = new BoshIoStemcell("s", { source: { name: "n" } });
// @ts-expect-error bosh-io-stemcell has no `out`.
stemcell.put();

// s3 get `skip_download` is the STRING "true"/"false".
const s3 = new S3Resource("s3", { source: { bucket: "b", regexp: "x-(.*)" } });
// @ts-expect-error a boolean fails the resource's JSON decoding.
s3.get({ params: { skip_download: true } });
s3.get({ params: { skip_download: "true" } });

// An enum value.
const image = new RegistryImage("img", { source: { repository: "r" } });
// @ts-expect-error `format` is rootfs, oci or oci-layout.
image.get({ params: { format: "tar" } });

// Put params are typed per resource.
const pool = new PoolResource("p", { source: { uri: "u", branch: "b", pool: "p" } });
// @ts-expect-error `aquire` is misspelt.
pool.put({ params: { aquire: true } });

// Files handles are typed.
const tag = tags.get();
loadVar("v", tag.files.tag);
// @ts-expect-error registry-tag writes no `image.tar`.
tag.files.imageTar;

// `((vars))` go where numbers and booleans go.
new GitResource("g", { source: { uri: "u", version_depth: "((depth))", skip_ssl_verification: "((skip))", password: vars.password } });
new MockResource("m");
// @ts-expect-error docker-image needs a repository.
new DockerImage("d", { source: {} });

// User-defined types.
const Slack = defineResourceType({
  name: "slack",
  image: { repository: "cfcommunity/slack-notification-resource" },
  source: z.strictObject({ url: z.string() }),
  put: z.strictObject({ text: z.string() }),
});
const Rss = defineResourceType({ name: "rss", image: { repository: "x/rss" }, source: z.strictObject({ url: z.string() }) });
const slack = new Slack("s", { source: { url: "((u))" } });
slack.put({ params: { text: "hi" } });
// @ts-expect-error put params follow the put schema.
slack.put({ params: { txt: "hi" } });
// @ts-expect-error source follows the source schema.
new Slack("s2", { source: { uri: "x" } });
// @ts-expect-error a type without a put schema is get-only.
new Rss("r", { source: { url: "u" } }).put();

// A ((var)) fits a field typed as a string enum, a number or a boolean: Concourse fills whole values.
const creds = defineVars("skip", "depth");
new S3Resource("vars-in-enums", { source: { bucket: "b", regexp: "x-(.*)" } }).get({ params: { skip_download: creds.skip } });
new GitResource("vars-in-numbers", { source: { uri: "x" } }).get({ params: { depth: creds.depth } });
