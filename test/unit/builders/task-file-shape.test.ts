import { describe, expect, it } from "vitest";
import { shapeOfTaskFile } from "../../../packages/sdk/src/builders/task-file-shape.ts";
import { diffTaskShapes, formatShapeDiff } from "../../../packages/sdk/src/builders/task-shape-diff.ts";

describe("shapeOfTaskFile", () => {
  it("reads inputs (optional or not), outputs, params (empty is required) and the vars, once each", () => {
    const config = {
      platform: "linux",
      image_resource: { type: "registry-image", source: { repository: "golang", tag: "((go))" } },
      inputs: [{ name: "repo" }, { name: "cache", optional: true }, { path: "no-name" }],
      outputs: [{ name: "out" }],
      params: { TOKEN: null, EMPTY: "", FLAGS: "-v" },
      run: { path: "sh", args: ["-c", "echo ((msg.text)) ((vault:x)) ((.:local))"] },
    };
    expect(shapeOfTaskFile("ci/t.yml", config, ["go", "msg", "go"])).toEqual({
      file: "ci/t.yml",
      inputs: { repo: "required", cache: "optional" },
      outputs: ["out"],
      params: { TOKEN: "required", EMPTY: "required", FLAGS: "optional" },
      vars: ["go", "msg"],
    });
  });

  it("leaves out what the file does not declare", () => {
    expect(shapeOfTaskFile("t.yml", { platform: "linux", run: { path: "true" } }, [])).toEqual({ file: "t.yml" });
  });
});

describe("diffTaskShapes", () => {
  const declared = {
    file: "t.yml",
    inputs: { repo: "required", cache: "optional" },
    outputs: ["out"],
    params: { TOKEN: "required" },
    vars: ["v"],
  } as const;

  it("finds nothing when the declaration matches, whatever it says of a param's need", () => {
    expect(diffTaskShapes(declared, { ...declared, params: { TOKEN: "optional" } })).toEqual([]);
  });

  it("shows each difference as - declared, + file", () => {
    const file = {
      file: "t.yml",
      inputs: { repo: "required", cache: "required" },
      outputs: ["report"],
      params: { TOKEN: "optional", NEW: "required" },
    } as const;
    expect(formatShapeDiff(diffTaskShapes(declared, file))).toBe(
      [
        "  - input 'cache': optional",
        "  + input 'cache': required",
        "  - output 'out'",
        "  + output 'report'",
        "  + param 'NEW'",
        "  - var 'v'",
      ].join("\n"),
    );
  });
});
