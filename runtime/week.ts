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
