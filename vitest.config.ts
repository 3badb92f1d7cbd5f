import { defineConfig, type ViteUserConfig } from "vitest/config";

const conditions = ["@contrail/source", "module", "node", "import", "default"];

/**
 * The reporters of one vitest run. Under CI each run also writes a JSON report
 * (.ci/vitest-NAME.json), from which .ci/run sums one plain "N passed, N failed" line.
 */
export function reporters(name: string): NonNullable<NonNullable<ViteUserConfig["test"]>["reporters"]> {
  return process.env.CI ? ["default", ["json", { outputFile: `.ci/vitest-${name}.json` }]] : ["default"];
}

/**
 * `pnpm test`: everything that runs on a clone with nothing beside it. Tests that read the
 * shared corpus (../shared or $CONTRAIL_SHARED) are named *.corpus.test.ts and run with
 * `pnpm test:corpus` (vitest.corpus.config.ts); the pack-and-install test is
 * `pnpm test:package` (vitest.package.config.ts).
 */
export const baseConfig: ViteUserConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "test/**/*.corpus.test.ts", "test/package/**"],
    // Tests that start the `sdk` bin run the compiled dist/: rebuilt first when a source is newer.
    globalSetup: ["test/helpers/build-dist.ts"],
    // Property tests draw from a fixed seed (FC_SEED=random explores): see the file.
    setupFiles: ["test/helpers/fast-check-seed.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "threads",
    reporters: reporters("results"),
  },
};

export default defineConfig(baseConfig);
