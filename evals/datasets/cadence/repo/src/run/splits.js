// Kilometre splits of a run from its track: points of { t: seconds since start, d: metres so far }.
import { formatPace, paceOf } from "./pace.js";

export function splitsOf(points) {
  const splits = [];
  let previous = 0;
  let nextKm = 1000;
  for (const point of points) {
    while (point.d >= nextKm) {
      splits.push({ km: nextKm / 1000, seconds: point.t - previous });
      previous = point.t;
      nextKm += 1000;
    }
  }
  return splits;
}

/** What the run summary shows: totals, average pace and the fastest kilometre. */
export function summaryOf(run) {
  const last = run.points.at(-1) ?? { t: 0, d: 0 };
  const splits = splitsOf(run.points);
  const fastest = splits.reduce((best, split) => (split.seconds < best.seconds ? split : best));
  return {
    distanceKm: Math.round(last.d / 10) / 100,
    duration: last.t,
    averagePace: formatPace(paceOf(last.t, last.d)),
    splits,
    fastestKm: { km: fastest.km, pace: formatPace(fastest.seconds) },
  };
}
