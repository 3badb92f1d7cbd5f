import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@contrail/source", "module", "node", "import", "default"] },
  ssr: { resolve: { conditions: ["@contrail/source", "module", "node", "import", "default"] } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "threads",
  },
});
