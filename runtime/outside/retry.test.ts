import { describe, it, expect } from "vitest";
import { backoffMs, retryAfterMs } from "./retry.js";

const replied = (retryAfter: string) => Object.assign(new Error("429"), { status: 429, headers: new Headers({ "retry-after": retryAfter }) });

describe("backoff", () => {
  it("reads Retry-After as seconds or an HTTP date, and backs off exponentially with jitter without it", () => {
    expect(retryAfterMs(replied("3"))).toBe(3000);
    expect(retryAfterMs(replied(new Date(10_000).toUTCString()), 4000)).toBe(6000);
    expect(retryAfterMs(replied("soon"))).toBeNull();
    const policy = { maxRetries: 5, baseMs: 100, maxMs: 5000 };
    expect([0, 1, 2, 3].map((a) => backoffMs(a, policy, new Error("500"), () => 0))).toEqual([50, 100, 200, 400]);
    expect(backoffMs(20, policy, new Error("500"), () => 0.99)).toBe(4975);
    expect(backoffMs(0, policy, replied("2"))).toBe(2000); // Retry-After wins over the backoff
    expect(backoffMs(0, policy, replied("60"))).toBe(5000); // capped
  });
});
