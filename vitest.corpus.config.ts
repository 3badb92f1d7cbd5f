import { defineConfig } from "vitest/config";
import { baseConfig, reporters } from "./vitest.config.ts";

/** `pnpm test:corpus`: only the tests that read the shared corpus; fails at once when it is missing. */
export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    include: ["test/**/*.corpus.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["test/helpers/require-shared.ts", "test/helpers/build-dist.ts"],
    reporters: reporters("corpus"),
  },
});
