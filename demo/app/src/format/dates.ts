// Shows run times in the workflow's own timezone (standard time; the zone is printed beside it).

const NAMED_ZONES: Record<string, number> = {
  UTC: 0,
  "Europe/London": 0,
  "Europe/Paris": 60,
  "Europe/Berlin": 60,
  "America/New_York": -300,
  "America/Chicago": -360,
  "America/Los_Angeles": -480,
  "Asia/Tokyo": 540,
};

/** Minutes east of UTC for a named zone or a fixed offset such as "UTC+2" or "UTC-5.5". */
export function utcOffsetMinutes(timeZone: string): number {
  const named = NAMED_ZONES[timeZone];
  if (named !== undefined) return named;
  return Math.round(Number.parseFloat(timeZone.slice(3)) * 60);
}

/** "2025-03-04 11:15 Europe/Paris" for an ISO instant. */
export function formatRunTime(at: string, timeZone: string): string {
  const local = new Date(Date.parse(at) + utcOffsetMinutes(timeZone) * 60_000);
  return `${local.toISOString().slice(0, 16).replace("T", " ")} ${timeZone}`;
}

export const KNOWN_ZONES: readonly string[] = Object.keys(NAMED_ZONES);
