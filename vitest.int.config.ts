import { defineConfig } from "vitest/config";

/** Integration tier: tests that start real servers (LangGraph dev server, Postgres...). */
export default defineConfig({
  test: {
    include: ["**/*.int.test.ts"],
    exclude: ["**/node_modules/**", ".selfheal/**", "demo/app/**"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    globalSetup: ["testing/globalSetup.ts"],
    fileParallelism: false,
  },
});
