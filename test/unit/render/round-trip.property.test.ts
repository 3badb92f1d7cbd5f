/**
 * Property tests: whatever string, number or boolean a pipeline holds, Concourse (read here
 * through go-yaml v2's resolver) must get exactly that value back from the rendered YAML.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../packages/sdk/src/model/common.ts";
import type { PipelineConfig } from "../../../packages/sdk/src/model/pipeline.ts";
import { toYaml } from "../../../packages/sdk/src/render/to-yaml.ts";
import { readAsConcourse } from "./read-as-concourse.ts";
import { riskyString, scriptString } from "./strings.ts";

const RUNS = { numRuns: 300 };

/** Any finite number, including -0, denormals and values JSON writes with an exponent. */
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, 5e-324, 2 ** 53),
);

/** A JSON value built from risky strings and any numbers. */
const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    riskyString,
    anyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(riskyString, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** Renders and reads back as Concourse would. */
function roundTrip(config: PipelineConfig): unknown {
  return readAsConcourse(toYaml(config));
}

describe("round trip through a YAML 1.1 reader", () => {
  it("keeps any string as a source key, a source value, a task param, a job name and a var", () => {
    fc.assert(
      fc.property(riskyString, riskyString, (key, value) => {
        const config: PipelineConfig = {
          // A second resource and job follow, so the blank line between items comes right after the strings.
          resources: [
            { name: "r", type: "git", source: { [key]: value, fixed: key } },
            { name: "r2", type: "git" },
          ],
          jobs: [
            {
              name: value,
              plan: [
                {
                  task: "t",
                  config: { platform: "linux", params: { P: value, [key]: key }, run: { path: "sh" } },
                  vars: { [key]: value },
                  across: [{ var: key, values: [value, key] }],
                },
              ],
            },
            { name: "next" },
          ],
        };
        expect(roundTrip(config)).toEqual(config);
      }),
      RUNS,
    );
  });

  it("keeps numbers, booleans and nulls as themselves in free-form maps", () => {
    fc.assert(
      fc.property(jsonValue, fc.dictionary(riskyString, jsonValue, { maxKeys: 4 }), (userData, source) => {
        const config: PipelineConfig = { resources: [{ name: "r", type: "t", source }], jobs: [], user_data: userData };
        expect(roundTrip(config)).toEqual(config);
      }),
      RUNS,
    );
  });

  it("keeps multi-line scripts in task args byte for byte", () => {
    fc.assert(
      fc.property(fc.array(scriptString, { minLength: 1, maxLength: 3 }), (args) => {
        const config: PipelineConfig = {
          jobs: [{ name: "j", plan: [{ task: "t", config: { platform: "linux", run: { path: "sh", args: ["-ec", ...args] } } }] }],
        };
        expect(roundTrip(config)).toEqual(config);
      }),
      RUNS,
    );
  });

  it("renders the same bytes for the same config, and ends with exactly one newline", () => {
    fc.assert(
      fc.property(jsonValue, (userData) => {
        const config: PipelineConfig = { jobs: [{ name: "j" }], user_data: userData };
        const text = toYaml(config);
        expect(toYaml(structuredClone(config))).toBe(text);
        expect(text).toMatch(/[^\n]\n$/);
      }),
      RUNS,
    );
  });
});
