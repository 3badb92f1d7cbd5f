/** The two YAML renderers side by side, for the differential tests. */
import * as fs from "node:fs";
import { join, relative } from "node:path";
import { expect } from "vitest";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";
import type { PipelineConfig } from "../../../packages/sdk/src/model/pipeline.ts";
import { toYaml } from "../../../packages/sdk/src/render/to-yaml.ts";
import { toYaml as reference } from "./reference-to-yaml.ts";

/** Both renderers' output, or both errors' messages. */
export function both(config: PipelineConfig, header?: readonly string[]): { emitted: string; expected: string } {
  const run = (render: typeof toYaml): string => {
    try {
      return render(config, { header });
    } catch (error) {
      return `throws: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  return { emitted: run(toYaml), expected: run(reference) };
}

/** Every `.yml` below `dir`, node_modules aside. */
export function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const path = join(entry.parentPath, entry.name);
    return entry.isFile() && /\.ya?ml$/.test(entry.name) && !path.includes("node_modules") ? [path] : [];
  });
}

/** Expects both renderers to agree on every file that decodes; returns how many did. */
export function expectSameForFiles(files: readonly string[], root: string): number {
  let decoded = 0;
  for (const file of files) {
    const { config } = lintYaml(fs.readFileSync(file, "utf8"), { file: relative(root, file) });
    if (config === undefined) continue;
    decoded++;
    const { emitted, expected } = both(config);
    expect(emitted, file).toBe(expected);
  }
  return decoded;
}
