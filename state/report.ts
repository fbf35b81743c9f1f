import { z } from "zod";

export const Outcome = z.enum(["success", "partial", "failure", "bounce", "wrong_product"]);
export type Outcome = z.infer<typeof Outcome>;

/** What one model-written report cost: tokens over every request it took (repairs included). */
export const ReportUsage = z.object({
  inputTokens: z.number().int().min(0).describe("prompt tokens, summed over requests"),
  outputTokens: z.number().int().min(0).describe("completion tokens, summed over requests"),
  requests: z.number().int().min(1).describe("model requests answered, repairs included"),
  costUsd: z.number().min(0).nullable().describe("USD at the configured or built-in price; null when the price is unknown"),
});
export type ReportUsage = z.infer<typeof ReportUsage>;

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
  noise: z
    .array(z.string())
    .optional()
    .describe("errors seen that are not the product's (extensions, third-party scripts, benign browser errors), normalized"),
  invalidEvidenceShare: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("model reports: share of the cited event ids that were not in the transcript (dropped; at most 15%)"),
  usage: ReportUsage.optional().describe("token usage and cost; model-written reports only"),
  confidence: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("rules reports: how clearly the session's signals say what happened (agents/analysts/confidence.ts); the cascade sends the unclear ones to the model"),
});
export type SessionReport = z.infer<typeof SessionReport>;

/** Who writes reports: the rules (no model) or the gatherer model. */
export type Analyst = SessionReport["analyst"];

/** How the gatherer scores: one analyst, or the cascade (the rules, then the model for the sessions the rules are unsure of). */
export type GatherMode = Analyst | "cascade";
