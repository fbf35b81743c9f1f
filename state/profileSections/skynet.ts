import { z } from "zod";

/** Paths a fix may never touch: CI, repository automation, lock files, secrets, test-runner config. */
export const DEFAULT_FORBIDDEN_PATHS = [
  ".github/**",
  ".ci/**",
  ".circleci/**",
  ".gitlab-ci.yml",
  ".git/**",
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "**/.env",
  "**/.env.*",
  "**/*.pem",
  "**/*.key",
  "**/secrets/**",
  "**/vitest.config.*",
  "**/jest.config.*",
  "**/.mocharc*",
  "**/playwright.config.*",
];

/** Where tests live, so a new one can be run against the unfixed code as the reproduction. */
export const DEFAULT_TEST_PATHS = ["test/**", "tests/**", "__tests__/**", "**/*.test.*", "**/*.spec.*"];

/** Skynet's settings: the queue, the sandbox it works in, its budgets and what a fix may change. */
export const SkynetSettings = z
  .strictObject({
    maxTicketsPerRun: z.number().int().min(0).default(5).describe("tickets attempted per run"),
    commands: z
      .array(z.string().min(1))
      .default([])
      .describe("commands the agent may run besides the repository's test command, matched exactly"),
    checks: z
      .array(z.string().min(1))
      .optional()
      .describe("type check and lint commands a fix must pass; default: the package.json scripts typecheck and lint, where present"),
    commandTimeoutMs: z.number().int().min(1000).default(120_000).describe("time limit of one sandboxed command"),
    outputLimitChars: z.number().int().min(200).default(6000).describe("command output shown to the model is cut to this"),
    maxFilesChanged: z.number().int().min(1).default(6).describe("a fix touching more files is not proposed"),
    maxLinesChanged: z.number().int().min(1).default(120).describe("a fix adding and removing more lines is not proposed"),
    forbiddenPaths: z.array(z.string()).default(DEFAULT_FORBIDDEN_PATHS).describe("globs of paths a fix may never touch"),
    testPaths: z.array(z.string()).default(DEFAULT_TEST_PATHS).describe("globs of test files (a new one is the reproduction)"),
    sandbox: z
      .enum(["bubblewrap", "unsandboxed"])
      .default("bubblewrap")
      .describe("how commands run; 'unsandboxed' runs the model's code with this user's rights and must be chosen explicitly"),
    dependencies: z
      .string()
      .optional()
      .describe("installed dependencies (node_modules) mounted read-only into each worktree, relative to this file; default: the nearest node_modules at or above the repository"),
    maxSteps: z.number().int().min(1).default(30).describe("model calls per attempt"),
    maxTokens: z.number().int().min(1000).default(300_000).describe("tokens (prompt + reply, summed over calls) per attempt"),
    maxAttempts: z.number().int().min(1).default(3).describe("attempts per ticket, counting those a reviewer asked for"),
    github: z
      .strictObject({
        apiUrl: z.string().url().optional().describe("GitHub API base URL (GitHub Enterprise); env GITHUB_API_URL wins"),
        remote: z.string().default("origin").describe("git remote the fix branch is pushed to"),
      })
      .prefault({}),
  })
  .prefault({});
export type SkynetSettings = z.infer<typeof SkynetSettings>;
