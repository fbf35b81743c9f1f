// The "Schedule a report" form: shows when the first email goes out before the user saves.
import { describeSchedule, nextDelivery } from "../reports/schedule.js";

export function previewNextDelivery(app, schedule) {
  const at = nextDelivery(schedule, app.now());
  app.setPreview(`${describeSchedule(schedule)} — first email ${new Date(at).toLocaleString()}`);
  return at;
}

export async function saveSchedule(app, schedule) {
  previewNextDelivery(app, schedule);
  const saved = await app.api.post("/api/reports/schedules", schedule);
  app.track("report_scheduled", { every: schedule.every, channel: schedule.channel });
  return saved;
}
