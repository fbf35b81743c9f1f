import { describe, expect, it } from "vitest";
import { memoized } from "./memo.js";

describe("memoized", () => {
  it("computes each input once while it is kept, and forgets all once full", () => {
    const calls: string[] = [];
    const upper = memoized((s) => (calls.push(s), s.toUpperCase()), 2);
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
    expect(upper("c")).toBe("C"); // full: forgets a and b
    expect(upper("a")).toBe("A");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});
