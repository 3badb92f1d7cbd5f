/** Every plain corpus pipeline Concourse accepted passes the JSON Schema of `sdk schema`. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintYaml } from "../../../packages/sdk/src/lint/index.ts";
import { sharedDir } from "../../helpers/paths.ts";
import { validator } from "./schema-validator.ts";

describe("sdk schema on the corpus", () => {
  it("accepts every plain corpus pipeline Concourse accepted", async () => {
    const validate = await validator();
    const corpus = join(sharedDir(), "corpus");
    const verdicts = JSON.parse(readFileSync(join(corpus, "concourse-verdicts.json"), "utf8")) as Record<
      string,
      { stage: string; blocks?: unknown[] }
    >;
    const failures: string[] = [];
    for (const [file, verdict] of Object.entries(verdicts)) {
      if (verdict.stage !== "validate" || (verdict.blocks ?? []).length > 0) continue;
      const { config } = lintYaml(readFileSync(join(corpus, file), "utf8"));
      if (config === undefined) continue;
      if (!validate(JSON.parse(JSON.stringify(config)))) failures.push(`${file}: ${JSON.stringify(validate.errors?.[0])}`);
    }
    expect(failures).toEqual([]);
  });
});
