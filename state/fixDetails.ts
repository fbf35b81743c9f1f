import { z } from "zod";

/** One verification command (type check, lint) and how it ended. */
export const Check = z.object({
  command: z.string().describe("the command as run in the sandbox"),
  ok: z.boolean().describe("exit code 0"),
  summary: z.string().describe("one line: passed or failed, with counts where the tool prints them"),
});
export type Check = z.infer<typeof Check>;

/** What Skynet's attempt did, beyond the contract's fields: for the gate, the digest and a human. */
export const FixDetails = z.object({
  attempt: z.number().int().min(1).describe("1 for the first attempt, more when a reviewer asked for another"),
  problems: z.array(z.string()).describe("why verification failed, one line each; empty when it passed"),
  violations: z.array(z.string()).describe("the agent's refused attempts to leave its sandbox"),
  files: z.array(z.object({ path: z.string(), added: z.number().int(), removed: z.number().int() })).describe("the diff's files and line counts"),
  reproTests: z.array(z.string()).describe("test files the agent added or changed, run against the unfixed code"),
  checks: z.array(Check).describe("type check and lint runs"),
  steps: z.number().int().describe("model calls made"),
  tokens: z.number().int().describe("tokens used, as reported by the model server or estimated"),
  patchPath: z.string().nullable().describe("the local .patch file, when no GitHub repository is configured"),
  commit: z.string().nullable().describe("the fix commit on the branch, when verified"),
});
export type FixDetails = z.infer<typeof FixDetails>;
