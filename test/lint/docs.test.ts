/** Every lint code is documented in docs/lint-rules.md: codes are public API. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";
import { RULES } from "../../packages/sdk/src/lint/index.ts";
import { repoRoot } from "./shared.ts";

it("documents every code in docs/lint-rules.md", () => {
  const docs = readFileSync(path.join(repoRoot, "docs/lint-rules.md"), "utf8");
  const missing = Object.keys(RULES).filter((code) => !docs.includes(`\`${code}\``));
  expect(missing).toEqual([]);
});
