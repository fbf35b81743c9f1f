import { z } from "zod";

/** How a shipped fix is judged against the sessions after it (issue 14): defaults that hold for most products. */
export const VerifySettings = z
  .strictObject({
    settleDays: z.number().min(0).default(2).describe("days after shipping left out of both windows: deploys, caches and old tabs settle"),
    windowDays: z.number().min(1).default(7).describe("length of the baseline window before shipping and of the window after it"),
    significance: z.number().gt(0).lt(0.5).default(0.05).describe("one-sided p-value under which a change in the pattern's rate is real"),
    confidence: z.number().gt(0.5).lt(1).default(0.95).describe("confidence of the interval on the flow's implied-NPS change"),
    minBaselineSessions: z.number().int().min(1).default(5).describe("sessions the pattern must have had before shipping for a verdict"),
  })
  .prefault({});
export type VerifySettings = z.infer<typeof VerifySettings>;
