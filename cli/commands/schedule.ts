import type { Command } from "commander";
import { loadProfile } from "../../state/loadProfile.js";
import { Scheduler } from "../../graphs/host/scheduler.js";
import { scheduledJobs } from "../../graphs/host/scheduledJobs.js";
import { UsageError } from "../../runtime/errors.js";
import { globalsOf } from "../globals.js";

interface ScheduleOptions {
  dryRun?: boolean;
  from?: string;
  count: number;
}

export async function run(options: ScheduleOptions, command: Command): Promise<void> {
  const { settings, out } = await globalsOf(command, options.dryRun ? "none" : "reads");
  const { schedule } = loadProfile(settings.config).profile;
  const scheduler = new Scheduler(scheduledJobs(settings, schedule, (line) => out.progress(line)), {
    timezone: schedule.timezone,
    onOutcome: (o) => out.progress(`${o.at.toISOString()} ${o.name}: ${o.error ? `failed: ${o.error}` : "done"}`),
  });
  if (options.dryRun) {
    const from = options.from ? new Date(options.from) : new Date();
    if (Number.isNaN(from.getTime())) throw new UsageError(`--from must be an ISO time, got "${options.from}"`);
    const upcoming = scheduler.upcoming(from, options.count).map((r) => ({ job: r.name, at: r.at.toISOString() }));
    await out.result({ timezone: schedule.timezone, upcoming }, (r) => r.upcoming.forEach((u) => out.say(`${u.at}  ${u.job}`)));
    return;
  }
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
  out.progress(`scheduler started (${schedule.timezone}); next: ${scheduler.upcoming(new Date(), 1).map((r) => `${r.name} at ${r.at.toISOString()}`).join("")}`);
  await scheduler.start(controller.signal);
  out.progress("scheduler stopped");
}
