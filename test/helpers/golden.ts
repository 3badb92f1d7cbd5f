/**
 * Golden files: what users see (YAML, TypeScript, CLI output) is compared byte for byte.
 * Locally a difference rewrites the golden file and fails the test, so the change shows up
 * in `git diff` for review; with CI=true the file is only compared.
 */
import * as fs from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

/** Compares `actual` with the golden file at `path`. */
export function expectGolden(path: string, actual: string): void {
  const exists = fs.existsSync(path);
  const expected = exists ? fs.readFileSync(path, "utf8") : undefined;
  if (expected === actual) return;
  if (!process.env.CI) {
    fs.mkdirSync(dirname(path), { recursive: true });
    fs.writeFileSync(path, actual);
  }
  expect(
    actual,
    `${path} ${exists ? "differs" : "is missing"}${process.env.CI ? "" : " (rewritten: review it with git diff and run again)"}`,
  ).toBe(expected);
}
