// Scheduled email reports: when the next delivery is due, in the schedule's time zone.
const DAY_MS = 24 * 60 * 60 * 1000;
const pad = (n) => String(n).padStart(2, "0");

/** The zone's offset from UTC at `at`, in minutes (Intl's "GMT+05:30" style names). */
export function zoneOffsetMinutes(timeZone, at) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The calendar day, in the zone, of `at` plus `days`: "2026-11-10". */
function zoneDay(at, offset, days) {
  return new Date(at.getTime() + offset * 60000 + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first delivery after `now`: daily, or weekly on `weekday` (0 = Sunday), at hour:minute local time. */
export function nextDelivery(schedule, now = new Date()) {
  const offset = zoneOffsetMinutes(schedule.timeZone, now);
  for (let days = 0; days <= 7; days++) {
    const at = deliveryAt(zoneDay(now, offset, days), schedule, offset);
    const weekdayOk = schedule.every === "day" || new Date(`${zoneDay(now, offset, days)}T12:00:00Z`).getUTCDay() === schedule.weekday;
    if (weekdayOk && Date.parse(at) > now.getTime()) return at;
  }
  throw new Error("no delivery within a week");
}

function deliveryAt(day, schedule, offset) {
  const sign = offset < 0 ? "-" : "+";
  return new Date(`${day}T${pad(schedule.hour)}:${pad(schedule.minute)}:00${sign}${String(Math.abs(offset) / 60).padStart(2, "0")}:00`).toISOString();
}

export function describeSchedule(schedule) {
  const time = `${pad(schedule.hour)}:${pad(schedule.minute)}`;
  return schedule.every === "day" ? `Every day at ${time}` : `Every week at ${time}`;
}
