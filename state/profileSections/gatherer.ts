import { z } from "zod";

/** How the LLM analyst reaches its model: limits, retries, the transcript budget and prices. */
export const GathererSettings = z
  .strictObject({
    mode: z
      .enum(["auto", "heuristic", "llm", "cascade"])
      .default("auto")
      .describe("who writes the reports when `gather` is given no --analyst: auto (the model when one is reachable, else the rules), heuristic, llm, or cascade (the rules, then the model for sessions the rules are unsure of)"),
    cascadeThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.7)
      .describe("cascade: sessions whose rules report has a confidence below this go to the model; the rest keep the rules report"),
    concurrency: z.number().int().min(1).max(256).default(8).describe("model requests in flight at once"),
    requestsPerMinute: z.number().int().min(1).default(300).describe("model requests started per minute, at most"),
    maxRetries: z.number().int().min(0).max(10).default(4).describe("retries of one request after a 429, a 5xx, a timeout or a malformed reply"),
    retryBaseMs: z.number().int().min(0).default(1000).describe("first backoff delay; doubles per retry, with jitter"),
    retryMaxMs: z.number().int().min(0).default(30_000).describe("longest backoff delay"),
    timeoutMs: z.number().int().min(100).default(60_000).describe("one request's timeout"),
    transcriptTokens: z.number().int().min(200).max(100_000).default(3000).describe("hard token budget of one session's transcript"),
    pricing: z
      .strictObject({
        inputPerMillion: z.number().min(0).describe("USD per million input tokens"),
        outputPerMillion: z.number().min(0).describe("USD per million output tokens"),
      })
      .optional()
      .describe("model prices for the cost recorded per report; known OpenAI models have built-in prices"),
  })
  .prefault({})
  .describe("the LLM session analyst's settings");
export type GathererSettings = z.infer<typeof GathererSettings>;

/** What is scrubbed before anything leaves the warehouse, beyond the built-in rules. */
export const RedactionSettings = z
  .strictObject({
    sensitiveProperties: z
      .array(z.string().min(1))
      .default([])
      .describe("event or person properties never sent to a model or stored in a report (emails, names and tokens always are)"),
  })
  .prefault({})
  .describe("redaction rules");
export type RedactionSettings = z.infer<typeof RedactionSettings>;
