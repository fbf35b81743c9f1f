import { openWarehouse } from "../../warehouse/index.js";
import { previousWeek } from "../../runtime/week.js";
import type { RunSettings } from "../../runtime/settings.js";
import type { ProductProfile } from "../../state/profile.js";
import type { ScheduledJob } from "./scheduler.js";
import { leaveGates } from "./gates.js";
import { THREADS } from "./threads.js";
import { runGatherer, runReview } from "./direct.js";
import type { GraphOutcome } from "./runOnThread.js";
import { defaultWeek } from "./defaultWeek.js";

/**
 * The four stages as jobs of the built-in scheduler, on the same threads the command line uses. Gates
 * are never answered here: a waiting gate waits for `selfheal review`.
 */
export function scheduledJobs(settings: RunSettings, schedule: ProductProfile["schedule"], progress: (line: string) => void): ScheduledJob[] {
  const sayIfWaiting = (stage: string, outcome: GraphOutcome<unknown>) => {
    if (outcome.status === "waiting") progress(`${stage}: waiting at gate "${outcome.gate.action_request.action}" — answer with \`selfheal review\``);
  };
  const opts = { answer: leaveGates, progress };
  return [
    { name: "gather", cron: schedule.gather, run: async () => void (await runGatherer(settings, { week: null, limit: null, concurrency: 2 })) },
    { name: "triage", cron: schedule.triage, run: async () => sayIfWaiting("triage", await THREADS.triage.run(settings, await latestWeek(settings), opts)) },
    { name: "fix", cron: schedule.fix, run: async () => sayIfWaiting("fix", await THREADS.fix.run(settings, null, opts)) },
    { name: "digest", cron: schedule.digest, run: async () => void (await runReview(settings, { week: previousWeek(new Date()) })) },
  ];
}

async function latestWeek(settings: RunSettings): Promise<string> {
  const warehouse = openWarehouse(settings.db);
  try {
    return await defaultWeek(warehouse);
  } finally {
    await warehouse.close();
  }
}
