// When sessions start within the simulated week, by the kind of audience.
import type { Rng } from "../../../demo/simulator/prng.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Audience = "work" | "consumer";

/**
 * A start time in the week beginning at `weekStart` (a Monday 00:00 UTC). Work tools are used on
 * weekdays in office hours (users spread over time zones UTC-8..UTC+2); consumer apps mornings,
 * evenings and weekends. Local times that fall outside the UTC week wrap around it, so that every
 * session starts in the one ISO week a weekly triage reads.
 */
export function sessionStart(rng: Rng, weekStart: number, audience: Audience): number {
  if (audience === "work") {
    const day = rng.chance(0.93) ? rng.int(0, 4) : rng.int(5, 6);
    const zone = rng.pick([-8, -5, -5, -5, 0, 1, 1, 2]);
    return inWeek(weekStart, day * DAY + Math.round((rng.between(8, 18.5) - zone) * HOUR));
  }
  const day = rng.int(0, 6);
  const localHour = rng.chance(0.45) ? rng.between(6, 9) : rng.chance(0.7) ? rng.between(17, 22.5) : rng.between(9, 17);
  const zone = rng.pick([-8, -5, -5, 0, 1, 1, 10]);
  return inWeek(weekStart, day * DAY + Math.round((localHour - zone) * HOUR));
}

const WEEK = 7 * DAY;
const inWeek = (weekStart: number, offset: number): number => weekStart + (((offset % WEEK) + WEEK) % WEEK);

/** A score in [lo, hi], both inclusive. */
export function score(rng: Rng, lo: number, hi: number): number {
  return rng.int(lo, hi);
}
