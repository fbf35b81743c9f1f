/** ISO-8601 weeks ("2026-W47"): the unit of the weekly loop and of its checkpoint threads. */

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export function isoWeekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Monday 00:00 UTC of the week, and the next Monday. */
export function weekRange(week: string): { start: Date; end: Date } {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new RangeError(`not an ISO week (YYYY-Www): ${week}`);
  const year = Number(match[1]);
  const num = Number(match[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const start = new Date(jan4);
  start.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (num - 1) * 7);
  const end = new Date(start);
  end.setUTCDate(start.getUTCDate() + 7);
  if (isoWeekOf(start) !== week) throw new RangeError(`no such ISO week: ${week}`);
  return { start, end };
}

export function isIsoWeek(value: string): boolean {
  try {
    weekRange(value);
    return true;
  } catch {
    return false;
  }
}

/** The last week that has fully ended before `now`. */
export function previousWeek(now: Date): string {
  const d = new Date(now);
  d.setUTCDate(d.getUTCDate() - 7);
  return isoWeekOf(d);
}

/** A week with less than this share of the busiest recent week's sessions holds strays (a skewed clock, a test event). */
const REAL_SHARE = 0.1;
/** "Recent": the busiest of the last this-many weeks that have sessions, so a product's growth or decline over a year does not hide a week. */
const RECENT_WEEKS = 8;

/**
 * The week a command works on when none is named: the latest week holding a real share of the
 * sessions (not one with three stray events), else last week.
 */
export function latestRealWeek(perWeek: { week: string; sessions: number }[], now: Date): string {
  const recent = perWeek.slice(-RECENT_WEEKS);
  const busiest = Math.max(0, ...recent.map((w) => w.sessions));
  const real = recent.filter((w) => w.sessions >= busiest * REAL_SHARE);
  return real.at(-1)?.week ?? previousWeek(now);
}
