import { InputError } from "../../runtime/errors.js";
import { ServiceError, type ServiceGuard } from "../../runtime/outside/guard.js";

/** A reply PostHog failed. 429 and 5xx are retried by the guard (honouring its Retry-After); the others are not. */
class PostHogReplyError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    detail: string,
  ) {
    super(`${status} ${detail}`);
  }
}

/**
 * POSTs JSON through PostHog's guard and returns the parsed reply: a timeout per attempt, retries with
 * backoff on 429, 5xx, dropped connections and bodies cut short or not JSON (a query is safe to send
 * again), and a circuit that stops calling PostHog when it is down. A 401/403 is a settings problem (exit 2).
 */
export async function postJson(guard: ServiceGuard, url: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
  try {
    return await guard.call(async (signal) => {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), signal });
      const text = await response.text(); // a body cut short fails here, and is retried
      if (!response.ok) throw new PostHogReplyError(response.status, response.headers, detailOf(text));
      return JSON.parse(text) as unknown; // not JSON: a SyntaxError, retried
    });
  } catch (err) {
    if (err instanceof ServiceError && (err.status === 401 || err.status === 403)) {
      throw new InputError(`PostHog refused the API key (${(err.cause as Error).message}); it needs the query:read scope`, { key: "posthog.apiKey" });
    }
    throw err;
  }
}

function detailOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { detail?: unknown };
    if (typeof parsed.detail === "string") return parsed.detail;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}
