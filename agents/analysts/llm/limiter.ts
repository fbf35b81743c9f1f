import PQueue from "p-queue";

const queues = new Map<string, PQueue>();

/**
 * The request queue of one model endpoint: at most `concurrency` requests in flight and `perMinute`
 * started per minute. Shared by every batch of the process (keyed by endpoint and limits), because a
 * rate limit belongs to the endpoint, not to a batch: parallel batches must not multiply it.
 */
export function limiterFor(endpoint: string, concurrency: number, perMinute: number): PQueue {
  const key = `${endpoint}\u0000${concurrency}\u0000${perMinute}`;
  let queue = queues.get(key);
  if (!queue) {
    // Paced rather than a burst per minute: one start every 60000/perMinute ms. Providers enforce limits
    // over shorter windows than a minute, and p-queue's interval timer then never outlives a run by more
    // than one short interval (a 60 s interval kept the process alive a minute after the work was done).
    const interval = Math.max(1, Math.floor(60_000 / perMinute));
    const intervalCap = Math.max(1, Math.round((perMinute * interval) / 60_000));
    queue = new PQueue({ concurrency, intervalCap, interval });
    queues.set(key, queue);
  }
  return queue;
}
