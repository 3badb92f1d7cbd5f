import { describe, expect, it } from "vitest";
import { defineResourceType, Job, Pipeline, ResourceType, z } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e } from "./_helpers.ts";

const Slack = defineResourceType({
  name: "slack-notification",
  image: { repository: "cfcommunity/slack-notification-resource", tag: "v1.7.0" },
  source: z.strictObject({ url: z.string(), insecure: z.boolean().optional() }),
  put: z.strictObject({ text: z.string().optional(), channel: z.string().optional() }),
  checkEvery: "24h",
});

const Feed = defineResourceType({
  name: "rss",
  image: { type: "registry-image", source: { repository: "suhlig/concourse-rss-resource" } },
  source: z.strictObject({ url: z.string() }),
  get: z.strictObject({ limit: z.number().int().optional() }),
  files: { title: "title", link: "link" },
  defaults: { url: "https://example.com/feed" },
});

describe("defineResourceType", () => {
  it("declares the resource type once, however many resources use it", () => {
    const a = new Slack("alerts", { source: { url: "((a))" } });
    const b = new Slack("deploys", { source: { url: "((b))" } });
    const { config, diagnostics: found } = new Pipeline({
      jobs: [new Job("j", { plan: [a.put({ params: { text: "hi" } }), b.put({ params: { channel: "#ci" } })] })],
    }).synth();
    expect(found).toEqual([]);
    expect(config.resource_types).toEqual([
      {
        name: "slack-notification",
        type: "registry-image",
        source: { repository: "cfcommunity/slack-notification-resource", tag: "v1.7.0" },
        check_every: "24h",
      },
    ]);
    expect(config.resources?.map((r) => r.type)).toEqual(["slack-notification", "slack-notification"]);
    expect(ResourceType.isResourceType(Slack.resourceType)).toBe(true);
  });

  it("checks source and params with the given schemas", () => {
    const slack = new Slack("s", { source: { url: 1 as unknown as string } });
    const push = slack.put({ params: { txt: "x" } as unknown as { text: string } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [push] })] }))).toEqual([
      e("resource-unknown-field", "jobs.j.plan[0].params.txt"),
      e("resource-wrong-type", "resources.s.source.url"),
    ]);
  });

  it("makes a type without a put schema get-only, merges defaults, and gives file handles", () => {
    const feed = new Feed("news", { source: {} });
    expect("put" in feed).toBe(false);
    const got = feed.get({ params: { limit: 3 } });
    expect(String(got.files.title)).toBe("news/title");
    const { config, diagnostics: found } = new Pipeline({ jobs: [new Job("j", { plan: [got] })] }).synth();
    expect(found).toEqual([]);
    expect(config.resource_types?.[0]).toMatchObject({ name: "rss", defaults: { url: "https://example.com/feed" } });
  });

  it("reports custom refinements with their code", () => {
    const T = defineResourceType({
      name: "t",
      image: { repository: "x/t" },
      source: z.strictObject({ a: z.string().optional(), b: z.string().optional() }).refine((s) => !(s.a && s.b), {
        message: "a and b are exclusive",
        path: ["b"],
        params: { code: "t-a-and-b" },
      }),
    });
    const r = new T("r", { source: { a: "1", b: "2" } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [r.get()] })] }))).toEqual([e("t-a-and-b", "resources.r.source.b")]);
  });
});
