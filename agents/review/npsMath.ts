/**
 * Implied-NPS arithmetic, pure. A report's 0-10 score is read as the answer to "how likely are you to
 * recommend us": 9-10 promoters, 7-8 passives, 0-6 detractors.
 */

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
const BUCKETS = SCORE_MAX - SCORE_MIN + 1;

export type ScoreBand = "detractor" | "passive" | "promoter";

export function bandOf(score: number): ScoreBand {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/** A fresh count per score 0..10. */
export function emptyDistribution(): number[] {
  return Array.from({ length: BUCKETS }, () => 0);
}

/** Adds one score to a distribution in place; scores outside 0..10 or not integers are clamped/rounded. */
export function addScore(counts: number[], score: number): void {
  const bucket = Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(score))) - SCORE_MIN;
  counts[bucket] = (counts[bucket] ?? 0) + 1;
}

/** How many scores fell on each value 0..10 (index = score). */
export function distribution(scores: readonly number[]): number[] {
  const counts = emptyDistribution();
  for (const score of scores) addScore(counts, score);
  return counts;
}

/** Rounds to the nearest integer, halves away from zero, and never returns -0. */
function roundHalfAway(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/** NPS from a distribution: % promoters minus % detractors, rounded; null when it counts nobody. */
export function npsFromDistribution(counts: readonly number[]): number | null {
  let total = 0;
  let promoters = 0;
  let detractors = 0;
  counts.forEach((n, i) => {
    const band = bandOf(i + SCORE_MIN);
    total += n;
    if (band === "promoter") promoters += n;
    if (band === "detractor") detractors += n;
  });
  if (total === 0) return null;
  return roundHalfAway(((promoters - detractors) * 100) / total);
}

/** Mean score from a distribution; null when it counts nobody. */
export function meanFromDistribution(counts: readonly number[]): number | null {
  let total = 0;
  let sum = 0;
  counts.forEach((n, i) => {
    total += n;
    sum += n * (i + SCORE_MIN);
  });
  return total === 0 ? null : sum / total;
}

/** % of scores 9-10 minus % of scores 0-6, rounded to a whole number; null for no scores. */
export function impliedNps(scores: readonly number[]): number | null {
  return npsFromDistribution(distribution(scores));
}

/** The arithmetic mean, unrounded; null for no scores. */
export function mean(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let sum = 0;
  for (const s of scores) sum += s;
  return sum / scores.length;
}

/** Rounds to `digits` decimals (for display-sized numbers in the digest). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Difference a - b, or null when either side is unknown. */
export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}
