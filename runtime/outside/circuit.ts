import { SelfhealError } from "../errors.js";
import { scrubSecrets } from "../scrubSecrets.js";

/** A service taken for down: the request was not sent. */
export class CircuitOpenError extends SelfhealError {
  constructor(
    readonly service: string,
    readonly failures: number,
    readonly retryInMs: number,
    readonly lastError: string,
  ) {
    super(`${service} is failing (${failures} failed requests in a row, last: ${lastError}); not calling it again for ${Math.ceil(retryInMs / 1000)} s`);
  }
}

export interface CircuitSettings {
  /** Failed requests in a row that open the circuit. */
  failures: number;
  cooldownMs: number;
  now?: () => number;
}

/**
 * Stops hammering a service that is down. Closed, every request goes; after `failures` failed requests
 * in a row it opens, and requests fail at once without being sent; after the cooldown one request is
 * let through (half open): its success closes the circuit, its failure opens it for another cooldown.
 * Only the service's own trouble counts (what `isServiceFault` says): a request it rightly refused does not.
 */
export class CircuitBreaker {
  private inARow = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private lastError = "";
  /** Requests refused without being sent, for tests and the run's note. */
  refused = 0;

  constructor(
    readonly service: string,
    private readonly settings: CircuitSettings,
    private readonly isServiceFault: (err: unknown) => boolean,
  ) {}

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === null) return "closed";
    return this.now() - this.openedAt >= this.settings.cooldownMs ? "half-open" : "open";
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === "open" || (state === "half-open" && this.trialInFlight)) {
      this.refused++;
      const left = this.openedAt === null ? 0 : Math.max(0, this.settings.cooldownMs - (this.now() - this.openedAt));
      throw new CircuitOpenError(this.service, this.inARow, left, this.lastError);
    }
    const trial = state === "half-open";
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.inARow = 0;
      this.openedAt = null;
      return result;
    } catch (err) {
      if (this.isServiceFault(err)) {
        this.inARow++;
        this.lastError = scrubSecrets(err instanceof Error ? err.message : String(err)).slice(0, 200); // quoted by CircuitOpenError
        if (trial || this.inARow >= this.settings.failures) this.openedAt = this.now();
      }
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private now(): number {
    return (this.settings.now ?? Date.now)();
  }
}
