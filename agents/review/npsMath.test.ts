import { describe, it, expect } from "vitest";
import { bandOf, change, distribution, impliedNps, mean, meanFromDistribution, npsFromDistribution, roundTo } from "./npsMath.js";

describe("impliedNps", () => {
  it("is % promoters minus % detractors: 3 promoters, 1 passive, 1 detractor => 40", () => {
    expect(impliedNps([10, 9, 9, 8, 3])).toBe(40);
  });

  it("is null with no scores, not zero", () => {
    expect(impliedNps([])).toBeNull();
  });

  it("spans -100..100", () => {
    expect(impliedNps([0, 1, 6])).toBe(-100);
    expect(impliedNps([9, 10])).toBe(100);
    expect(impliedNps([7, 8])).toBe(0);
  });

  it("puts the band edges where NPS does: 6 detracts, 7-8 are passive, 9 promotes", () => {
    expect(bandOf(6)).toBe("detractor");
    expect(bandOf(7)).toBe("passive");
    expect(bandOf(8)).toBe("passive");
    expect(bandOf(9)).toBe("promoter");
    expect(impliedNps([6])).toBe(-100);
    expect(impliedNps([9])).toBe(100);
  });

  it("rounds to a whole number, halves away from zero, never -0", () => {
    expect(impliedNps([10, 8, 8])).toBe(33); // 33.33
    expect(impliedNps([10, 10, 8])).toBe(67); // 66.67
    expect(impliedNps([10, 8, 8, 8, 8, 8, 8, 8])).toBe(13); // 12.5
    expect(impliedNps([0, 8, 8, 8, 8, 8, 8, 8])).toBe(-13); // -12.5
    expect(Object.is(impliedNps([10, 0]), 0)).toBe(true);
  });

  it("agrees with the distribution form", () => {
    const scores = [0, 3, 5, 6, 7, 7, 8, 9, 9, 10, 10, 10];
    expect(npsFromDistribution(distribution(scores))).toBe(impliedNps(scores));
    expect(meanFromDistribution(distribution(scores))).toBeCloseTo(mean(scores) ?? Number.NaN, 10);
  });
});

describe("distribution", () => {
  it("counts each score 0..10 at its index", () => {
    const d = distribution([0, 10, 10, 5]);
    expect(d).toHaveLength(11);
    expect(d[0]).toBe(1);
    expect(d[5]).toBe(1);
    expect(d[10]).toBe(2);
    expect(d.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("is all zeros for no scores", () => {
    expect(distribution([])).toEqual(Array.from({ length: 11 }, () => 0));
  });
});

describe("mean and helpers", () => {
  it("averages, and is null for no scores", () => {
    expect(mean([10, 9, 9, 8, 3])).toBeCloseTo(7.8, 10);
    expect(mean([])).toBeNull();
    expect(meanFromDistribution(distribution([]))).toBeNull();
  });

  it("rounds for display and subtracts only known values", () => {
    expect(roundTo(7.849, 1)).toBe(7.8);
    expect(roundTo(7.85, 1)).toBe(7.9);
    expect(change(40, 50)).toBe(-10);
    expect(change(40, null)).toBeNull();
    expect(change(null, 50)).toBeNull();
  });
});
