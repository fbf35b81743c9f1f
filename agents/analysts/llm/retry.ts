/** How a failed model request is retried. */
export interface RetryPolicy {
  maxRetries: number;
  baseMs: number;
  maxMs: number;
}

/**
 * Worth another try: rate limits (429, unless the quota is gone), server errors (5xx), timeouts and
 * dropped connections, and replies whose body was not JSON. Bad requests (4xx) are not.
 */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { status?: unknown; code?: unknown; error?: { code?: unknown } };
  const status = typeof e.status === "number" ? e.status : null;
  if (status === 429) return e.code !== "insufficient_quota" && e.error?.code !== "insufficient_quota";
  if (status !== null) return status >= 500 || status === 408;
  if (err instanceof SyntaxError) return true;
  return /timeout|timed out|connection|ECONNRESET|ECONNREFUSED|socket hang up|aborted/i.test(`${e.name} ${e.constructor.name} ${e.message}`);
}

/** Exponential backoff with full jitter, honouring a server's Retry-After when it names one. */
export function backoffMs(attempt: number, policy: RetryPolicy, err: unknown, random: () => number = Math.random): number {
  const hinted = retryAfterMs(err);
  if (hinted !== null) return Math.min(policy.maxMs, hinted);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function retryAfterMs(err: unknown): number | null {
  const headers = (err as { headers?: unknown } | null)?.headers;
  let value: unknown = null;
  if (headers && typeof (headers as { get?: unknown }).get === "function") value = (headers as Headers).get("retry-after");
  else if (headers && typeof headers === "object") value = (headers as Record<string, unknown>)["retry-after"];
  const seconds = typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** Runs `call`, retrying what is retryable; `onRetry` hears of each retry (for logs and counts). */
export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (attempt: number, err: unknown, delayMs: number) => void = () => {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= policy.maxRetries || !isRetryable(err)) throw err;
      const delay = backoffMs(attempt, policy, err);
      onRetry(attempt + 1, err, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
