import { z } from "zod";

export const Verdict = z.enum(["healed", "not_healed", "inconclusive"]);
export type Verdict = z.infer<typeof Verdict>;

/** How a fix came to count as shipped. */
export const ShippedBy = z.enum(["pr_merged", "branch_merged", "tracker_done"]);
export type ShippedBy = z.infer<typeof ShippedBy>;

/** One window's figures: the pattern's sessions among the product's, and the implied NPS of its flow. */
export const WindowFigures = z.object({
  from: z.string().describe("ISO time, inclusive"),
  to: z.string().describe("ISO time, exclusive"),
  productSessions: z.number().int().describe("sessions of people who used the product in the window"),
  sessions: z.number().int().describe("of them, sessions the pattern hit"),
  perThousand: z.number().nullable().describe("sessions hit per 1,000 product sessions; null with no product session"),
  flowSessions: z.number().int().describe("product sessions in the pattern's department"),
  nps: z.number().nullable().describe("implied NPS of the flow's sessions, rounded; null when none"),
});
export type WindowFigures = z.infer<typeof WindowFigures>;

/** The check of one shipped fix against the sessions after it (issue 14). */
export const FixVerdict = z.object({
  ticketId: z.string(),
  ticketUrl: z.string(),
  title: z.string(),
  fingerprint: z.string(),
  department: z.string(),
  shippedAt: z.string(),
  shippedBy: ShippedBy,
  /** The merged PR, the merge commit, or the ticket: what shows the fix shipped. */
  shippedRef: z.string(),
  verdict: Verdict,
  reason: z.string().describe("why, said plainly with the figures"),
  before: WindowFigures,
  after: WindowFigures.nullable().describe("null until the after-window has begun"),
  pLower: z.number().nullable().describe("one-sided exact p-value that the pattern's rate fell"),
  pHigher: z.number().nullable().describe("one-sided exact p-value that it rose"),
  npsChange: z.object({ change: z.number(), low: z.number(), high: z.number(), confidence: z.number() }).nullable(),
  worse: z.boolean().describe("the fix made things worse: the pattern rose, or the flow's NPS fell, significantly"),
  recurred: z.boolean().describe("an earlier check called it healed and the pattern came back"),
  reopened: z.boolean().describe("this check reopened the ticket"),
  checkedAt: z.string(),
  /** The end of the data the check read (ISO time, exclusive). */
  asOf: z.string(),
});
export type FixVerdict = z.infer<typeof FixVerdict>;
