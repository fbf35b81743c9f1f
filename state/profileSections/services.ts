import { z } from "zod";

/** How selfheal treats the outside services it calls: the models, Linear, GitHub and PostHog (the gatherer model takes its retries and timeout from `gatherer`, its circuit from here; PostHog its retries from `posthog.maxRetries`). */
export const ServiceSettings = z
  .strictObject({
    maxRetries: z.number().int().min(0).max(10).default(4).describe("retries of one request after a 429, a 5xx, a timeout, a dropped connection or a malformed reply"),
    retryBaseMs: z.number().int().min(0).default(500).describe("first backoff delay; doubles per retry, with jitter (a Retry-After header wins)"),
    retryMaxMs: z.number().int().min(0).default(30_000).describe("longest wait before a retry"),
    timeoutMs: z.number().int().min(100).default(60_000).describe("one request's timeout"),
    circuitFailures: z.number().int().min(1).default(5).describe("failed requests in a row after which the service is taken for down and no longer called"),
    circuitCooldownMs: z.number().int().min(0).default(60_000).describe("how long a service taken for down is left alone before one request tries it again"),
  })
  .prefault({})
  .describe("retries, timeouts and the circuit breaker of calls to outside services");
export type ServiceSettings = z.infer<typeof ServiceSettings>;
