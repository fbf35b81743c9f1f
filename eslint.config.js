// Type-aware lint: floating promises are the bug class this codebase cannot afford (graph nodes, CLI).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", ".selfheal/**", "demo/app/**", "evals/datasets/*/repo/**", "evals/datasets/*/skynet/**", "evals/results/**", "bin/**", "eslint.config.js", "vitest.config.ts", "vitest.int.config.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
