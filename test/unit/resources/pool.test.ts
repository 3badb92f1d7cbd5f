import { describe, expect, it } from "vitest";
import { Job, Pipeline, PoolResource } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

const source = { uri: "git@github.com:org/locks.git", branch: "main", pool: "aws" };

describe("pool: documented examples", () => {
  table("pool", [
    ["a pool", "source", { ...source, private_key: "((key))", retry_delay: "1m" }, []],
    ["acquire", "put", { acquire: true }, []],
    ["claim a lock by name", "put", { claim: "env-1" }, []],
    ["release", "put", { release: "aws" }, []],
    ["a shallow get", "get", { depth: 1 }, []],
  ]);
});

describe("pool: rules", () => {
  table("pool", [
    [
      "uri, branch and pool are required",
      "source",
      {},
      [e("resource-missing-field", "uri"), e("resource-missing-field", "branch"), e("resource-missing-field", "pool")],
    ],
    ["retry_delay is a Go duration", "source", { ...source, retry_delay: "10 seconds" }, [e("pool-invalid-retry-delay", "retry_delay")]],
    ["a put with no action", "put", {}, [e("pool-put-no-action", "")]],
    ["a put with two actions", "put", { acquire: true, release: "aws" }, [e("pool-put-several-actions", "release")]],
    ["acquire: false is no action", "put", { acquire: false }, [e("pool-put-no-action", "")]],
  ]);

  it("reports a put with two actions at render", () => {
    const locks = new PoolResource("locks", { source });
    const claim = locks.put({ params: { acquire: true } });
    const release = locks.put({ params: { release: claim, remove: claim } });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [claim, release] })] }))).toEqual([
      e("pool-put-several-actions", "jobs.j.plan[1].params.remove"),
    ]);
    expect(String(claim.files.name)).toBe("locks/name");
  });
});
