/**
 * The implied NPS of a group with its sampling variance, and the confidence interval of the change
 * between two groups, pure. NPS = %promoters - %detractors; per person the score is +1, 0 or -1, so its
 * variance is (pP + pD - (pP - pD)^2) / n, and independent groups' variances add.
 */
import { bandOf } from "../review/npsMath.js";

export interface NpsEstimate {
  /** People scored. */
  n: number;
  /** -100..100, unrounded; null for nobody. */
  nps: number | null;
  /** Variance of nps, in NPS points squared. */
  variance: number;
}

export function npsEstimate(scores: readonly number[]): NpsEstimate {
  const n = scores.length;
  if (n === 0) return { n, nps: null, variance: 0 };
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    const band = bandOf(s);
    if (band === "promoter") promoters += 1;
    if (band === "detractor") detractors += 1;
  }
  const pP = promoters / n;
  const pD = detractors / n;
  return { n, nps: (pP - pD) * 100, variance: ((pP + pD - (pP - pD) ** 2) / n) * 100 ** 2 };
}

/** Standard normal cumulative distribution (erf by Abramowitz-Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** z such that a two-sided interval of this confidence (0.95 -> 1.96) covers it; by bisection. */
export function twoSidedZ(confidence: number): number {
  const target = 1 - (1 - confidence) / 2;
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface NpsChange {
  change: number;
  low: number;
  high: number;
}

/** after - before with its confidence interval; null when either group scored nobody. */
export function npsChange(before: NpsEstimate, after: NpsEstimate, confidence: number): NpsChange | null {
  if (before.nps === null || after.nps === null) return null;
  const change = after.nps - before.nps;
  const half = twoSidedZ(confidence) * Math.sqrt(before.variance + after.variance);
  return { change, low: change - half, high: change + half };
}
