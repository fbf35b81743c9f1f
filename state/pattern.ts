import { z } from "zod";

export const PatternKind = z.enum(["bug", "improvement"]);
export type PatternKind = z.infer<typeof PatternKind>;

export const CodeLocation = z.object({
  path: z.string().describe("path inside the product repository"),
  line: z.number().int().nullable(),
});
export type CodeLocation = z.infer<typeof CodeLocation>;

/** A failure shared by several sessions of one week, keyed by its fingerprint. */
export const FailurePattern = z.object({
  fingerprint: z.string(),
  week: z.string().describe("ISO week, YYYY-Www"),
  title: z.string(),
  kind: PatternKind,
  signal: z.string().describe("what the sessions share: the normalized exception or the improvement"),
  department: z.string(),
  sessions: z.number().int(),
  sessionIds: z.array(z.string()).describe("every session of the pattern (one per session, however often it failed)"),
  intents: z.array(z.string()).describe("distinct user intents among the sessions"),
  averageScore: z.number(),
  codeLocations: z.array(CodeLocation),
  decision: z.enum(["ticket", "flag"]),
  priority: z.number().int().min(1).max(4).describe("Linear's scale: 1 urgent, 2 high, 3 medium, 4 low"),
  route: z.string().describe("proposed fix route, in a sentence"),
});
export type FailurePattern = z.infer<typeof FailurePattern>;
