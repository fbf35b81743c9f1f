import { z } from "zod";
import { Cron } from "croner";

/** A cron expression croner accepts (5 or 6 fields); checked when the profile loads. */
const CronExpression = z.string().refine(
  (expr) => {
    try {
      new Cron(expr, { paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid cron expression" },
);

/** When the built-in scheduler (`selfheal schedule`) runs each stage. */
export const ScheduleSettings = z
  .strictObject({
    timezone: z
      .string()
      .refine(isTimeZone, { message: "not an IANA time zone (e.g. UTC, Europe/Paris)" })
      .default("UTC")
      .describe("IANA time zone the cron expressions are read in"),
    gather: CronExpression.default("0 * * * *").describe("score new sessions: hourly"),
    triage: CronExpression.default("0 9 * * 5").describe("the PM: Friday morning"),
    fix: CronExpression.default("0 9 * * 6").describe("Skynet: Saturday morning"),
    digest: CronExpression.default("0 8 * * 1").describe("last week's digest: Monday morning"),
  })
  .prefault({});
export type ScheduleSettings = z.infer<typeof ScheduleSettings>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
