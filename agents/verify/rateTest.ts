/**
 * Exact tests fit for small counts, pure. Two Poisson rates (events per unit of exposure) are compared
 * by conditioning on their total: under "same rate", the after-window's share of the events is binomial
 * with p = its share of the exposure. Exact, so 3 sessions against 0 is judged as fairly as 300 against 0.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms): accurate to ~1e-13, enough for p-values. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let sum = c[0] ?? 1;
  for (let i = 1; i < c.length; i += 1) sum += (c[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logBinomialPmf(k: number, n: number, p: number): number {
  if (p <= 0) return k === 0 ? 0 : -Infinity;
  if (p >= 1) return k === n ? 0 : -Infinity;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let total = 0;
  for (let i = 0; i <= k; i += 1) total += Math.exp(logBinomialPmf(i, n, p));
  return Math.min(1, total);
}

export interface RateComparison {
  /** One-sided p-value of "the after rate is lower": small means the drop is real. */
  pLower: number;
  /** One-sided p-value of "the after rate is higher": small means it got worse. */
  pHigher: number;
  /** The smallest pLower the after-window could show (none of the events after): its power's floor. */
  bestPossiblePLower: number;
}

/**
 * Compares `after` events over `afterExposure` with `before` events over `beforeExposure` (e.g. sessions
 * hitting a pattern among all product sessions of each window).
 */
export function comparePoissonRates(before: number, beforeExposure: number, after: number, afterExposure: number): RateComparison {
  if (beforeExposure <= 0 || afterExposure <= 0) return { pLower: 1, pHigher: 1, bestPossiblePLower: 1 };
  const n = before + after;
  const p = afterExposure / (beforeExposure + afterExposure);
  return {
    pLower: binomialCdf(after, n, p),
    pHigher: 1 - binomialCdf(after - 1, n, p),
    bestPossiblePLower: binomialCdf(0, before, p),
  };
}
