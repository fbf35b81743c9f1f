import type { ServiceSettings } from "../../state/profileSections/services.js";
import { SelfhealError } from "../errors.js";
import { scrubSecrets } from "../scrubSecrets.js";
import { CircuitBreaker, CircuitOpenError } from "./circuit.js";
import { isRetryable, statusOf, withRetries, type RetryPolicy } from "./retry.js";

/** The retry policy of the profile's `services` settings. */
export function retryPolicyOf(s: ServiceSettings): RetryPolicy {
  return { maxRetries: s.maxRetries, baseMs: s.retryBaseMs, maxMs: s.retryMaxMs };
}

/** An outside service failed a request after every retry: the stage fails (exit 1), saying which and why. */
export class ServiceError extends SelfhealError {
  constructor(
    readonly service: string,
    readonly attempts: number,
    readonly status: number | null,
    cause: unknown,
  ) {
    // Scrubbed here, where it is made: a failed node's error is kept in its checkpoint as well as printed.
    super(scrubSecrets(`${service} request failed after ${attempts} attempt(s): ${cause instanceof Error ? cause.message : String(cause)}`), { cause });
  }
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
  }
}

/** How one request is sent: a safe one (a read, an update) is retried; an unsafe one (a create) only when it surely was not done. */
export type RequestKind = "safe" | "unsafe";

/**
 * Not done for sure: refused before it was handled (a rate limit, a connection refused). A create that
 * failed in any other way (a timeout, a dropped reply, a 500) may have been done, and its caller looks
 * before it tries again: retrying it blindly is how twins are filed.
 */
export function surelyNotDone(err: unknown): boolean {
  const status = statusOf(err);
  if (status === 429 || status === 503) return true;
  if ((err as { response?: { errors?: { extensions?: { code?: unknown } }[] } }).response?.errors?.some((x) => x.extensions?.code === "RATELIMITED")) return true;
  return /ECONNREFUSED/.test(`${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? "")}`);
}

/**
 * Every request to one outside service goes through its guard: a timeout per attempt, retries with
 * backoff (honouring Retry-After) on transient faults, and a circuit breaker that stops calling a service
 * that keeps failing. What comes out is the reply, or a ServiceError / CircuitOpenError naming the service.
 */
export class ServiceGuard {
  readonly breaker: CircuitBreaker;
  /** Retries made, for logs and tests. */
  retries = 0;

  constructor(
    readonly service: string,
    private readonly settings: ServiceSettings,
    private readonly onRetry: (info: { service: string; attempt: number; delayMs: number; error: string }) => void = () => {},
  ) {
    this.breaker = new CircuitBreaker(service, { failures: settings.circuitFailures, cooldownMs: settings.circuitCooldownMs }, isRetryable);
  }

  /** One request; `attempt` gets the attempt's abort signal (it fires at the timeout). */
  async call<T>(attempt: (signal: AbortSignal) => Promise<T>, kind: RequestKind = "safe"): Promise<T> {
    const s = this.settings;
    let attempts = 0;
    const policy = retryPolicyOf(s);
    const retryable = (err: unknown): boolean => !(err instanceof CircuitOpenError) && isRetryable(err) && (kind === "safe" || surelyNotDone(err));
    try {
      return await withRetries(
        () => {
          attempts++;
          return this.breaker.run(() => withTimeout(attempt, s.timeoutMs));
        },
        policy,
        (n, err, delayMs) => {
          this.retries++;
          this.onRetry({ service: this.service, attempt: n, delayMs, error: err instanceof Error ? err.message : String(err) });
        },
        retryable,
      );
    } catch (err) {
      if (err instanceof SelfhealError) throw err;
      throw new ServiceError(this.service, attempts, statusOf(err), err);
    }
  }
}

async function withTimeout<T>(attempt: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimeoutError(ms));
    }, ms);
  });
  try {
    return await Promise.race([attempt(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
