import { z } from "zod";
import { CodeLocation, PatternKind } from "./pattern.js";
import { FixDetails } from "./fixDetails.js";

export const TicketStatus = z.enum(["open", "in_progress", "in_review", "done", "canceled"]);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** A ticket in whichever tracker is configured; one per pattern fingerprint. */
export const Ticket = z.object({
  id: z.string().describe("tracker id: the local tracker's SH-KQMV-3 (state/ticketId.ts) or a Linear identifier"),
  url: z.string(),
  fingerprint: z.string(),
  title: z.string(),
  body: z.string(),
  kind: PatternKind,
  priority: z.number().int().min(1).max(4),
  labels: z.array(z.string()),
  status: TicketStatus,
  sessions: z.number().int(),
  codeLocations: z.array(CodeLocation),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof Ticket>;

export const FixStatus = z.enum(["pr_opened", "needs_model", "failed_verification", "rejected"]);
export type FixStatus = z.infer<typeof FixStatus>;

/** Skynet's attempt at one ticket. */
export const FixAttempt = z.object({
  ticketId: z.string(),
  status: FixStatus,
  branch: z.string(),
  worktree: z.string(),
  briefPath: z.string().nullable(),
  reason: z.string().describe("why it ended in this status, said plainly"),
  prUrl: z.string().nullable(),
  testsBefore: z.string().nullable(),
  testsAfter: z.string().nullable(),
  createdAt: z.string(),
  details: FixDetails.optional().describe("what the coding agent did and how it was verified (issue 6)"),
});
export type FixAttempt = z.infer<typeof FixAttempt>;
