import { describe, it, expect } from "vitest";
import { limiterFor } from "./limiter.js";

describe("request limiter", () => {
  it("keeps at most `concurrency` requests in flight and paces starts to the per-minute limit", async () => {
    const queue = limiterFor("test-endpoint-a", 3, 1200); // one start per 50 ms
    let inFlight = 0;
    let peak = 0;
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, () =>
        queue.add(async () => {
          starts.push(performance.now());
          peak = Math.max(peak, ++inFlight);
          await new Promise((r) => setTimeout(r, 120));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(3);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    // Timers may fire a little early; never a burst.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(40);
  });

  it("shares one queue per endpoint and limits, so parallel batches cannot multiply the limit", () => {
    expect(limiterFor("test-endpoint-b", 4, 60)).toBe(limiterFor("test-endpoint-b", 4, 60));
    expect(limiterFor("test-endpoint-b", 4, 60)).not.toBe(limiterFor("test-endpoint-c", 4, 60));
  });
});
