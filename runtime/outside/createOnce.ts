import { backoffMs, isRetryable, rootCause, type RetryPolicy } from "./retry.js";
import { CircuitOpenError } from "./circuit.js";

/**
 * Creates a thing at an outside service exactly once, though a create can fail after it was done (the
 * reply lost to a timeout or a dropped connection): after each failed create, `lookup` looks for what it
 * would have made, and only when there is nothing is the create tried again.
 */
export async function createOnce<T>(create: () => Promise<T>, lookup: () => Promise<T | null>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create();
    } catch (err) {
      const cause = rootCause(err); // err itself when it wraps nothing
      if (cause instanceof CircuitOpenError) throw err;
      const found = await lookup();
      if (found) return found;
      if (attempt >= policy.maxRetries || !isRetryable(cause)) throw err;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, policy, cause)));
    }
  }
}
