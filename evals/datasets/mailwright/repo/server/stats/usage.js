// GET /v1/stats?range=30d&tz=Europe/Berlin: sends per local day.

export function dayKey(at, timeZone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function sendsPerDay(sends, timeZone) {
  const days = new Map();
  for (const send of sends) {
    const key = dayKey(new Date(send.at), timeZone);
    days.set(key, (days.get(key) ?? 0) + 1);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
}
