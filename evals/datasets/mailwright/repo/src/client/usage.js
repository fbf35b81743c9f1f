// /usage: sends per day, in the account's time zone.
export async function loadUsage(app, timeZone) {
  const result = await app.api.get(`/v1/stats?range=30d&tz=${timeZone}`);
  if (result.ok) app.drawUsage(result.data.days);
  return result;
}
