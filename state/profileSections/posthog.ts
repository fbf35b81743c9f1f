import { z } from "zod";

/**
 * PostHog's query API, for `selfheal ingest --posthog-api` (issue #3). The environment overrides each
 * field: POSTHOG_HOST, POSTHOG_PROJECT_ID, POSTHOG_API_KEY (keep the key there, not in the file).
 */
export const PostHogSettings = z
  .strictObject({
    host: z.string().url().default("https://us.posthog.com").describe("PostHog app host, e.g. https://eu.posthog.com or self-hosted"),
    projectId: z.union([z.string().min(1), z.number().int().positive()]).optional().describe("project id from the project settings"),
    apiKey: z.string().min(1).optional().describe("personal API key with query:read; prefer env POSTHOG_API_KEY"),
    pageSize: z.number().int().min(1).max(50_000).default(10_000).describe("events per query page (PostHog caps a page at 50k rows)"),
    maxRetries: z.number().int().min(0).max(20).default(6).describe("retries of a page after a 429, a 5xx, a timeout, a dropped connection or a malformed reply, with backoff honouring Retry-After (timeout and circuit breaker: `services`)"),
  })
  .prefault({});
export type PostHogSettings = z.infer<typeof PostHogSettings>;
