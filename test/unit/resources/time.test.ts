import { describe, expect, it } from "vitest";
import { Job, Pipeline, TimeResource } from "../../../packages/sdk/src/index.ts";
import { diagnostics, e, table } from "./_helpers.ts";

describe("time: documented examples", () => {
  table("time", [
    ["an interval", "source", { interval: "1h30m" }, []],
    [
      "a window with days and a location",
      "source",
      { start: "12:00 AM", stop: "1:00 AM", location: "Africa/Abidjan", days: ["Monday", "tue"] },
      [],
    ],
    ["3PM and 1504 forms", "source", { start: "3PM", stop: "1504" }, []],
    ["start_after", "source", { interval: "24h", start_after: "2024-01-02T15:04" }, []],
    ["no params", "get", {}, []],
  ]);
});

describe("time: rules", () => {
  table("time", [
    ["start without stop", "source", { start: "10:00" }, [e("time-start-stop-together", "start")]],
    ["start as a number (YAML sexagesimal)", "source", { start: 1140, stop: "20:00" }, [e("time-not-string", "start")]],
    ["a malformed time", "source", { start: "noon", stop: "13:00" }, [e("time-invalid-time", "start")]],
    [
      "an offset is deprecated",
      "source",
      { start: "10:00 +0700", stop: "11:00 +0700" },
      [e("time-offset-deprecated", "start", "warning"), e("time-offset-deprecated", "stop", "warning")],
    ],
    ["interval must be a Go duration", "source", { interval: "1 hour" }, [e("time-invalid-interval", "interval")]],
    ["interval as a number", "source", { interval: 60 }, [e("time-invalid-interval", "interval")]],
    ["a wrong day", "source", { days: ["someday"] }, [e("resource-invalid-value", "days[0]")]],
    ["a wrong start_after", "source", { start_after: "yesterday" }, [e("time-invalid-start-after", "start_after")]],
  ]);

  it("needs no source, and gives handles to timestamp and epoch", () => {
    const clock = new TimeResource("every-hour", { source: { interval: "1h" } });
    const tick = clock.get({ trigger: true });
    expect(diagnostics(new Pipeline({ jobs: [new Job("j", { plan: [tick, new TimeResource("t").put()] })] }))).toEqual([]);
    expect([tick.files.epoch, tick.files.timestamp].map(String)).toEqual(["every-hour/epoch", "every-hour/timestamp"]);
  });
});
