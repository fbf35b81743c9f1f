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

describe("memoized, long inputs", () => {
  it("keeps no input longer than its limit, so a hostile export's huge URLs cost no memory", () => {
    const calls: string[] = [];
    const size = memoized((s) => (calls.push(s), String(s.length)), 10, 4);
    expect([size("abcd"), size("abcd"), size("abcde"), size("abcde")]).toEqual(["4", "4", "5", "5"]);
    expect(calls).toEqual(["abcd", "abcde", "abcde"]);
  });
});
