import { describe, it, expect } from "vitest";
import { binomialCdf, comparePoissonRates } from "./rateTest.js";
import { npsChange, npsEstimate, twoSidedZ } from "./npsInterval.js";

describe("the exact Poisson rate test", () => {
  it("computes binomial tails exactly", () => {
    expect(binomialCdf(0, 10, 0.5)).toBeCloseTo(1 / 1024, 12);
    expect(binomialCdf(5, 10, 0.5)).toBeCloseTo(638 / 1024, 10);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
  });

  it("calls 20 sessions before and none after, over equal traffic, a real drop", () => {
    const r = comparePoissonRates(20, 1000, 0, 1000);
    expect(r.pLower).toBeCloseTo(0.5 ** 20, 12);
    expect(r.pHigher).toBe(1);
  });

  it("sees no change in the same rate, and weighs the exposure: 20 in 1,000 then 40 in 2,000 is the same rate", () => {
    const same = comparePoissonRates(20, 1000, 20, 1000);
    expect(same.pLower).toBeGreaterThan(0.5);
    const scaled = comparePoissonRates(20, 1000, 40, 2000);
    expect(scaled.pLower).toBeGreaterThan(0.4);
    expect(scaled.pHigher).toBeGreaterThan(0.4);
  });

  it("sees a rise", () => {
    expect(comparePoissonRates(5, 1000, 30, 1000).pHigher).toBeLessThan(0.001);
  });

  it("knows when too few sessions could never show a drop: 3 before, even 0 after, is p = 1/8", () => {
    expect(comparePoissonRates(3, 1000, 0, 1000).bestPossiblePLower).toBeCloseTo(0.125, 12);
  });
});

describe("the implied NPS interval", () => {
  it("has the variance of a +1/0/-1 score", () => {
    const e = npsEstimate([10, 10, 0, 0]);
    expect(e.nps).toBe(0);
    expect(e.variance).toBeCloseTo(2500, 9);
    expect(npsEstimate([]).nps).toBeNull();
  });

  it("uses 1.96 for 95%", () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.96, 2);
    expect(twoSidedZ(0.9)).toBeCloseTo(1.645, 2);
  });

  it("brackets the change and widens with fewer people", () => {
    const before = npsEstimate(Array.from({ length: 100 }, (_, i) => (i < 30 ? 9 : 2)));
    const after = npsEstimate(Array.from({ length: 100 }, (_, i) => (i < 70 ? 9 : 2)));
    const ci = npsChange(before, after, 0.95)!;
    expect(ci.change).toBeCloseTo(80, 9);
    expect(ci.low).toBeGreaterThan(0);
    expect(ci.high).toBeGreaterThan(ci.change);
    const small = npsChange(npsEstimate([9, 2]), npsEstimate([9, 9]), 0.95)!;
    expect(small.high - small.low).toBeGreaterThan(ci.high - ci.low);
    expect(npsChange(npsEstimate([]), after, 0.95)).toBeNull();
  });
});
