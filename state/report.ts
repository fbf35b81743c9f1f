import { z } from "zod";

export const Outcome = z.enum(["success", "partial", "failure", "bounce", "wrong_product"]);
export type Outcome = z.infer<typeof Outcome>;

/** The implied-NPS report of one session: what the user wanted, whether they got it, and a 0-10 score. */
export const SessionReport = z.object({
  sessionId: z.string(),
  userIntent: z.string().describe("what the user came to do"),
  userSuccess: z.string().describe("what worked and what did not, in a sentence or two"),
  improvement: z.string().describe("what the product should change; '' when nothing"),
  department: z.string().describe("department that owns the main problem or activity"),
  score: z.number().int().min(0).max(10).describe("implied NPS answer: would they come back"),
  outcome: Outcome,
  evidence: z.array(z.string()).describe("ids of the events that justify the report"),
  analyst: z.enum(["heuristic", "llm"]),
  analystVersion: z.string().describe("hash of the analyst's prompt/rules and settings"),
});
export type SessionReport = z.infer<typeof SessionReport>;
