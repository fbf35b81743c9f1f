import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    // Eval products' own tests and Skynet's hidden tests run in their products, never here.
    exclude: ["**/node_modules/**", ".selfheal/**", "demo/app/**", "**/*.int.test.ts", "evals/datasets/*/repo/**", "evals/datasets/*/skynet/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["testing/globalSetup.ts"],
  },
});
