import { z } from "zod";

/** Ticket memory across weeks: how a new pattern finds the ticket of the same failure by meaning. */
export const MemorySettings = z
  .strictObject({
    minSimilarity: z
      .number()
      .min(0)
      .max(1)
      .default(0.9)
      .describe("cosine similarity of embeddings at or above which a new pattern is the same failure as a ticket of its kind"),
    recentlyClosedDays: z
      .number()
      .int()
      .min(0)
      .default(28)
      .describe("closed tickets (done, canceled) updated within this many days are remembered beside the open ones"),
  })
  .prefault({})
  .describe("ticket memory by meaning; used only when models.embeddings names an embeddings model the endpoint serves");
export type MemorySettings = z.infer<typeof MemorySettings>;
