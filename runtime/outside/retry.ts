/** How a failed request to an outside service is retried. */
export interface RetryPolicy {
  maxRetries: number;
  baseMs: number;
  maxMs: number;
}

type ErrorShape = Error & {
  status?: unknown;
  code?: unknown;
  error?: { code?: unknown };
  headers?: unknown;
  response?: { status?: unknown; headers?: unknown; errors?: { extensions?: { code?: unknown } }[] };
};

/** The HTTP status an error carries: the OpenAI SDK's `status`, Octokit's and Linear's `response.status`. */
export function statusOf(err: unknown): number | null {
  const e = err as ErrorShape | null;
  const status = e?.status ?? e?.response?.status;
  return typeof status === "number" ? status : null;
}

/**
 * Worth another try: rate limits (429, unless the quota is gone; Linear's RATELIMITED error), server
 * errors (5xx), timeouts and dropped connections, and replies whose body was not JSON. Bad requests
 * (other 4xx) are not: sending them again gets the same answer.
 */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as ErrorShape;
  const status = statusOf(err);
  if (e.response?.errors?.some((x) => x.extensions?.code === "RATELIMITED")) return true;
  if (status === 429) return e.code !== "insufficient_quota" && e.error?.code !== "insufficient_quota";
  if (status !== null) return status >= 500 || status === 408;
  if (err instanceof SyntaxError) return true;
  return /timeout|timed out|connection|ECONNRESET|ECONNREFUSED|socket hang up|aborted|terminated|fetch failed|other side closed/i.test(
    `${e.name} ${e.constructor.name} ${e.message} ${String((e as { cause?: unknown }).cause ?? "")}`,
  );
}

/** The error at the bottom of the wrapping (a library's error around our ServiceError around the reply's). */
export function rootCause(err: unknown): unknown {
  let e = err;
  for (let depth = 0; depth < 6; depth++) {
    const inner = (e as { raw?: unknown; cause?: unknown } | null)?.raw ?? (e as { cause?: unknown } | null)?.cause;
    if (!(inner instanceof Error)) return e;
    e = inner;
  }
  return e;
}

/** Exponential backoff with full jitter, honouring a server's Retry-After when it names one. */
export function backoffMs(attempt: number, policy: RetryPolicy, err: unknown, random: () => number = Math.random): number {
  const hinted = retryAfterMs(err);
  if (hinted !== null) return Math.min(policy.maxMs, hinted);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The Retry-After header of a failed response (seconds or an HTTP date, as RFC 9110 allows), in ms. */
export function retryAfterMs(err: unknown, now = Date.now()): number | null {
  const e = err as ErrorShape | null;
  const value = headerOf(e?.headers, "retry-after") ?? headerOf(e?.response?.headers, "retry-after");
  if (value === null) return null;
  const seconds = Number(value);
  if (value.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  const value = typeof (headers as { get?: unknown }).get === "function" ? (headers as Headers).get(name) : (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
}

/** Runs `call`, retrying what is retryable; `onRetry` hears of each retry (for logs and counts). */
export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (attempt: number, err: unknown, delayMs: number) => void = () => {},
  retryable: (err: unknown) => boolean = isRetryable,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= policy.maxRetries || !retryable(err)) throw err;
      const delay = backoffMs(attempt, policy, err);
      onRetry(attempt + 1, err, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
