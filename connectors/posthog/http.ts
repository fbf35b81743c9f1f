import { InputError, SelfhealError } from "../../runtime/errors.js";

export interface RetryOptions {
  maxRetries: number;
  /** First backoff step; doubled per retry, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected in tests to record the waits instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about each retry (status, wait), for progress lines. */
  onRetry?: (info: { status: number | null; attempt: number; waitMs: number }) => void;
}

const sleepReal = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with full jitter in [0.5, 1.5) of the step, capped. */
export function backoffMs(attempt: number, opts: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">): number {
  const base = opts.baseDelayMs ?? 500;
  const step = base * 2 ** attempt;
  return Math.min(opts.maxDelayMs ?? 60_000, Math.round(step * (0.5 + (opts.random ?? Math.random)())));
}

/**
 * POSTs JSON and returns the parsed reply. 429 and 5xx (and network errors) are retried with
 * exponential backoff and jitter, honouring Retry-After; other errors are reported with the server's
 * `detail`. A 401/403 is a settings problem (exit 2).
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, opts: RetryOptions): Promise<unknown> {
  const sleep = opts.sleep ?? sleepReal;
  for (let attempt = 0; ; attempt++) {
    let response: Response | null = null;
    let failure: string;
    try {
      response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
      if (response.ok) return await response.json();
      failure = `${response.status} ${await detailOf(response)}`;
    } catch (err) {
      failure = `network error: ${(err as Error).message}`;
    }
    const status = response?.status ?? null;
    if (status === 401 || status === 403) {
      throw new InputError(`PostHog refused the API key (${failure}); it needs the query:read scope`, { key: "posthog.apiKey" });
    }
    const retryable = status === null || status === 429 || status >= 500;
    if (!retryable || attempt >= opts.maxRetries) {
      throw new SelfhealError(`PostHog query failed after ${attempt + 1} attempt(s): ${failure}`);
    }
    const waitMs = retryAfterMs(response?.headers.get("retry-after") ?? null) ?? backoffMs(attempt, opts);
    opts.onRetry?.({ status, attempt: attempt + 1, waitMs });
    await sleep(waitMs);
  }
}

async function detailOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = JSON.parse(text) as { detail?: unknown };
    if (typeof parsed.detail === "string") return parsed.detail;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}
