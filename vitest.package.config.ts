import { defineConfig } from "vitest/config";
import { baseConfig, reporters } from "./vitest.config.ts";

/** `pnpm test:package`: packs contrail and installs the tarball with npm outside the workspace. */
export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    include: ["test/package/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["test/helpers/build-dist.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: reporters("package"),
  },
});
