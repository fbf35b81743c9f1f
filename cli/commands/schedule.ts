import type { Command } from "commander";
import { buildPmGraph } from "../../graphs/pm/index.js";
import { buildSkynetGraph } from "../../graphs/skynet/index.js";
import { buildReviewGraph } from "../../graphs/review/index.js";
import { openWarehouse } from "../../warehouse/index.js";
import { loadProfile } from "../../runtime/profile.js";
import { previousWeek } from "../../runtime/week.js";
import { Scheduler, type ScheduledJob } from "../../runtime/scheduler.js";
import { UsageError } from "../../runtime/errors.js";
import type { RunSettings } from "../../runtime/settings.js";
import { globalsOf, positiveInt, weekFor } from "../globals.js";
import { runOnThread, type GraphOutcome } from "../runGraph.js";
import { FIX_THREAD, triageThreadId } from "../threads.js";
import type { Output } from "../output.js";
import { gather } from "./gather.js";

interface ScheduleOptions {
  dryRun?: boolean;
  from?: string;
  count: number;
}

export function registerSchedule(program: Command): void {
  program
    .command("schedule")
    .description("run the built-in scheduler: gather hourly, triage Friday, fix Saturday, digest Monday (times from the profile's schedule)")
    .option("--dry-run", "print the upcoming runs and exit")
    .option("--from <iso-time>", "with --dry-run: list the runs after this time instead of now")
    .option("--count <n>", "with --dry-run: how many runs to list", positiveInt("--count"), 10)
    .action(async (options: ScheduleOptions, command: Command) => {
      const { settings, out } = globalsOf(command);
      const { schedule } = loadProfile(settings.config).profile;
      const scheduler = new Scheduler(jobsFor(settings, out, schedule), {
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
    });
}

/** The four stages as jobs. Gates are never answered here: a waiting gate waits for `selfheal review`. */
function jobsFor(settings: RunSettings, out: Output, schedule: { gather: string; triage: string; fix: string; digest: string }): ScheduledJob[] {
  const leaveGates = () => null;
  const progress = (line: string) => out.progress(line);
  const sayIfWaiting = (stage: string, outcome: GraphOutcome<unknown>) => {
    if (outcome.status === "waiting") out.progress(`${stage}: waiting at gate "${outcome.gate.action_request.action}" — answer with \`selfheal review\``);
  };
  return [
    { name: "gather", cron: schedule.gather, run: async () => void (await gather(settings, out, { week: null, limit: null, concurrency: 2 })) },
    {
      name: "triage",
      cron: schedule.triage,
      run: async () => {
        const week = await latestWeek(settings);
        sayIfWaiting("triage", await runOnThread(buildPmGraph(), { week }, { settings, threadId: triageThreadId(week), answer: leaveGates, progress, week }));
      },
    },
    {
      name: "fix",
      cron: schedule.fix,
      run: async () => {
        const threadId = FIX_THREAD;
        sayIfWaiting("fix", await runOnThread(buildSkynetGraph(), {}, { settings, threadId, answer: leaveGates, progress }));
      },
    },
    {
      name: "digest",
      cron: schedule.digest,
      run: async () => {
        const week = previousWeek(new Date());
        const configurable = { db: settings.db, config: settings.config, dataDir: settings.dataDir };
        await buildReviewGraph().compile().invoke({ week }, { configurable });
      },
    },
  ];
}

async function latestWeek(settings: RunSettings): Promise<string> {
  const warehouse = openWarehouse(settings.db);
  try {
    return await weekFor(undefined, warehouse);
  } finally {
    await warehouse.close();
  }
}
