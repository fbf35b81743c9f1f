// Time source for tool runs. Tests use a sped-up clock so a "7 second" tool takes 7 ms.

export interface Clock {
  /** Resolves after `ms` (scaled), or as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function scaledClock(speedup = 1): Clock {
  return {
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms / speedup);
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      }),
  };
}
