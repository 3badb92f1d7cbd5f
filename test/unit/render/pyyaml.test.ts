/**
 * An independent YAML 1.1 reader: PyYAML (pure Python, and its libyaml binding when built,
 * libyaml being the C library go-yaml v2 was ported from). Skipped without python3 and PyYAML.
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PipelineConfig } from "../../../packages/sdk/src/model/pipeline.ts";
import { toYaml } from "../../../packages/sdk/src/render/to-yaml.ts";
import { blogConfig } from "./blog-config.ts";
import { RISKY_STRINGS, riskyString, scriptString } from "./strings.ts";

const hasPyYaml = spawnSync("python3", ["-c", "import yaml"], { stdio: "ignore" }).status === 0;

/** Loads each document with every available PyYAML safe loader; a non-JSON value (a date) becomes a marker. */
const LOADER = `
import json, sys, yaml
loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])
texts = json.loads(sys.stdin.read())
print(json.dumps([[yaml.load(t, Loader=l) for l in loaders] for t in texts], default=lambda o: {"not JSON": repr(o)}))
`;

function pyYamlLoad(texts: readonly string[]): unknown[][] {
  const result = spawnSync("python3", ["-c", LOADER], { input: JSON.stringify(texts), maxBuffer: 1 << 28, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as unknown[][];
}

/** Strings that broke a reader during development: tabs, leading spaces, odd breaks, PyYAML-only numbers. */
const TRICKY = ["a\tb", "5\t82 b", "\tx\ny", "\n\t4\nz", "x\n\ty", "  lead\nx", "a\u2028b", "\u0085", "x\r\ny", ".5_", "0b_", "1:20"];

/** A config holding `text` in keys, values, names and task args. */
function holding(text: string): PipelineConfig {
  return {
    resources: [
      { name: text, type: "git", source: { [text]: text, n: 3, f: 1.5, b: true } },
      { name: "next", type: "git" },
    ],
    jobs: [{ name: "j", plan: [{ task: "t", config: { platform: "linux", params: { P: text }, run: { path: "sh", args: [text] } } }] }],
  };
}

describe("PyYAML reads the rendered YAML as intended", () => {
  it.skipIf(!hasPyYaml)("for the blog pipeline, the risky and tricky strings, and a seeded sample of 400 random strings", () => {
    // PyYAML reads `1e+21` (no dot) as a string, so the sample holds numbers it types as YAML 1.1 says.
    const sample = fc.sample(fc.oneof(riskyString, scriptString), { numRuns: 400, seed: 20240101 });
    const configs = [blogConfig(), ...[...RISKY_STRINGS, ...TRICKY].map(holding), ...sample.map(holding)];
    const loaded = pyYamlLoad(configs.map((config) => toYaml(config)));
    expect(loaded).toHaveLength(configs.length);
    configs.forEach((config, index) => {
      const reads = loaded[index] ?? [];
      expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) expect(read).toEqual(JSON.parse(JSON.stringify(config)));
    });
  });
});
