/** `sdk schema`'s output, and an ajv (draft 2020-12) validator compiled from it. */
import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";
import { main } from "../../../packages/sdk/src/cli/main.ts";
import { captureIo } from "../../helpers/capture-io.ts";
import { repoRoot } from "../../helpers/paths.ts";

export async function schema() {
  const io = captureIo(repoRoot);
  expect(await main(["schema"], io)).toBe(0);
  return JSON.parse(io.out) as Record<string, unknown>;
}

export async function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return ajv.compile(await schema());
}
