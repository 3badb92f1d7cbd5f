/**
 * Property runs: random JSON-like values written as YAML in many styles (by the `yaml`
 * package's stringify and by contrail's own renderer) must read the same on the fast path
 * as through the `yaml` package, or fall back. A share of them must take the fast path, so
 * that the property is not met by giving up.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { PipelineConfig } from "../../packages/sdk/src/model/index.ts";
import { toYaml } from "../../packages/sdk/src/render/to-yaml.ts";
import { expectAgreement, type Path } from "./agreement.ts";

/** Characters that matter to YAML, plus some that do not. */
const CHARS = ["a", "b", "z", "0", "1", "9", "-", ":", " ", " ", "#", "\n", '"', "'", "\\", ".", "{", "}", "[", "]", ",", "&", "*", "!"];
const MORE_CHARS = [...CHARS, "|", ">", "%", "@", "`", "?", "\t", "é", "\u2028", "\r", "~", "<"];
/** Words go-yaml v2 reads as something other than a string. */
const WORDS = [
  "yes",
  "no",
  "on",
  "Off",
  "null",
  "~",
  "",
  ".inf",
  "-.Inf",
  ".nan",
  "0x1A",
  "1_000",
  "0755",
  "1e3",
  "<<",
  "-",
  "---",
  "...",
  "true",
  "12:30",
];

const text = (chars: string[]): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: fc.constantFrom(...chars), maxLength: 12 }), fc.constantFrom(...WORDS));

const value = (chars: string[]): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text(chars),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("tree"), { maxLength: 4 }),
      fc.dictionary(text(chars), tie("tree"), { maxKeys: 4 }),
    ),
  })).tree;

/** A mapping at the top, with one object repeated so that stringify writes an anchor and aliases. */
const document = (chars: string[]): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      fc.dictionary(text(chars), value(chars), { maxKeys: 5 }),
      fc.dictionary(text(chars), value(chars), { minKeys: 1, maxKeys: 3 }),
      fc.boolean(),
    )
    .map(([top, shared, repeat]) => (repeat ? { ...top, first: shared, again: [shared, { nested: shared }] } : top));

const options = fc.record({
  collectionStyle: fc.constantFrom("any", "block", "flow") as fc.Arbitrary<"any" | "block" | "flow">,
  defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED") as fc.Arbitrary<
    "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED"
  >,
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE") as fc.Arbitrary<
    null | "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE"
  >,
  indent: fc.constantFrom(1, 2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 10, 20, 80),
  minContentWidth: fc.constantFrom(0, 5, 20),
  flowCollectionPadding: fc.boolean(),
  doubleQuotedAsJSON: fc.boolean(),
  directives: fc.boolean(),
});

/** Runs `property` and counts which path each input took. */
function tally(): { readonly record: (p: Path) => void; readonly fast: () => number; readonly total: () => number } {
  let fast = 0;
  let total = 0;
  return {
    record: (p) => {
      total++;
      if (p === "fast") fast++;
    },
    fast: () => fast,
    total: () => total,
  };
}

describe("random documents read the same on both paths", () => {
  it("as written by the yaml package's stringify, in every style", () => {
    const paths = tally();
    fc.assert(
      fc.property(document(CHARS), options, (doc, opts) => {
        const yaml = stringify(doc, { ...opts, version: "1.1" });
        paths.record(expectAgreement(yaml));
      }),
      { numRuns: 600 },
    );
    expect(paths.fast() / paths.total()).toBeGreaterThan(0.5);
  });

  it("with rarer characters (tabs, CR, reserved indicators) too", () => {
    const paths = tally();
    fc.assert(
      fc.property(document(MORE_CHARS), options, (doc, opts) => {
        paths.record(expectAgreement(stringify(doc, opts)));
      }),
      { numRuns: 400 },
    );
    expect(paths.fast()).toBeGreaterThan(0);
  });

  it("as written by contrail's own renderer", () => {
    const paths = tally();
    const params = fc.dictionary(
      text(MORE_CHARS).filter((k) => k.length > 0),
      fc.oneof(text(MORE_CHARS), fc.integer(), fc.boolean()),
      { maxKeys: 6 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text(CHARS), params), { minLength: 1, maxLength: 4 }), (jobs) => {
        const config = {
          jobs: jobs.map(([name, p], i) => ({
            name: `${name}-${i}`,
            plan: [
              {
                task: "t",
                config: {
                  platform: "linux",
                  image_resource: { type: "registry-image", source: { repository: "x" } },
                  run: { path: "sh", args: ["-c", name] },
                  params: p,
                },
              },
            ],
          })),
        } as unknown as PipelineConfig;
        paths.record(expectAgreement(toYaml(config)));
      }),
      { numRuns: 300 },
    );
    expect(paths.fast() / paths.total()).toBeGreaterThan(0.9);
  });
});
